/**
 * Config validation: every mistake is reported with the key that holds it, so a typo in a rule id
 * or a severity fails loudly (exit 2) instead of silently scanning with defaults.
 */
import { RULE_IDS } from '../rules/catalog.js';
import type { AxeptioMigrateConfig } from './types.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SETTINGS = ['off', 'error', 'warning', 'info'];
const CONFIDENCES = ['high', 'medium', 'low'];
const FAIL_ON = ['error', 'warning', 'info', 'none'];
const KEYS = ['$schema', 'ignore', 'rules', 'maxFileSize', 'minConfidence', 'failOn'];

/** Check an untrusted parsed value against the config shape; throws ConfigError naming the bad key. */
export function validateConfig(value: unknown, source: string): AxeptioMigrateConfig {
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(`invalid config in ${source}: "${key}" ${problem}`);
  };
  if (!isObject(value)) fail('(root)', 'must be a JSON object');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!KEYS.includes(key)) fail(key, `is not a known key (known: ${KEYS.slice(1).join(', ')})`);

  const config: AxeptioMigrateConfig = {};
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || !obj.ignore.every((g) => typeof g === 'string' && g.trim() !== ''))
      fail('ignore', 'must be an array of non-empty glob strings');
    config.ignore = obj.ignore as string[];
  }
  if (obj.rules !== undefined) {
    if (!isObject(obj.rules)) fail('rules', 'must be an object of rule id → "off" | "error" | "warning" | "info"');
    const rules: Record<string, string> = {};
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!(RULE_IDS as string[]).includes(id)) fail(`rules.${id}`, `is not a known rule id (known: ${RULE_IDS.join(', ')})`);
      if (typeof setting !== 'string' || !SETTINGS.includes(setting)) fail(`rules.${id}`, `must be one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}`);
      rules[id] = setting as string;
    }
    config.rules = rules as AxeptioMigrateConfig['rules'];
  }
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize !== 'number' || !Number.isInteger(obj.maxFileSize) || obj.maxFileSize <= 0)
      fail('maxFileSize', 'must be a positive integer number of bytes');
    config.maxFileSize = obj.maxFileSize as number;
  }
  if (obj.minConfidence !== undefined) {
    if (typeof obj.minConfidence !== 'string' || !CONFIDENCES.includes(obj.minConfidence)) fail('minConfidence', `must be one of ${CONFIDENCES.join(', ')}`);
    config.minConfidence = obj.minConfidence as AxeptioMigrateConfig['minConfidence'];
  }
  if (obj.failOn !== undefined) {
    if (typeof obj.failOn !== 'string' || !FAIL_ON.includes(obj.failOn)) fail('failOn', `must be one of ${FAIL_ON.join(', ')}`);
    config.failOn = obj.failOn as AxeptioMigrateConfig['failOn'];
  }
  return config;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
