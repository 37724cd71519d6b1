/**
 * Config lookup: `--config FILE` if given, else `axeptio-migrate.config.json` at the scan root,
 * else an "axeptio-migrate" key in the root package.json, else defaults. JSON with comments is
 * accepted (jsonc-parser) because people annotate why a rule is off.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ConfigError, validateConfig } from './validate.js';
import type { LoadedConfig } from './types.js';

export const CONFIG_FILE_NAME = 'axeptio-migrate.config.json';
const PACKAGE_KEY = 'axeptio-migrate';

/** Find, parse and validate the config for a scan root; throws ConfigError on any problem. */
export function loadConfig(root: string, configPath?: string): LoadedConfig {
  if (configPath) {
    const abs = path.resolve(root, configPath);
    return { config: validateConfig(parseJsonFile(abs, configPath), configPath), source: configPath };
  }
  const own = path.join(root, CONFIG_FILE_NAME);
  if (fs.existsSync(own)) return { config: validateConfig(parseJsonFile(own, CONFIG_FILE_NAME), CONFIG_FILE_NAME), source: CONFIG_FILE_NAME };
  const pkg = path.join(root, 'package.json');
  if (fs.existsSync(pkg)) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(fs.readFileSync(pkg, 'utf8'));
    } catch {
      return { config: {} }; // a broken package.json is the project's problem, not a config error
    }
    if (manifest && typeof manifest === 'object' && PACKAGE_KEY in manifest) {
      const source = `package.json "${PACKAGE_KEY}"`;
      return { config: validateConfig((manifest as Record<string, unknown>)[PACKAGE_KEY], source), source };
    }
  }
  return { config: {} };
}

function parseJsonFile(abs: string, shown: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const first = errors[0]!;
    const line = text.slice(0, first.offset).split('\n').length;
    throw new ConfigError(`invalid JSON in config ${shown} at line ${line}: ${printParseErrorCode(first.error)}`);
  }
  return value;
}
