import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, validateConfig } from '../../src/config/index.js';
import { removeTree, tempTree } from '../discover/temp-tree.js';

test('a full valid config is accepted as is', () => {
  const config = { ignore: ['test/fixtures/'], rules: { 'legacy-signin-reference': 'off', 'static-token': 'error' }, maxFileSize: 1000, minConfidence: 'low', failOn: 'warning' };
  assert.deepEqual(validateConfig(config, 'x'), config);
});

test('every mistake names its key', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ rules: { 'legacy-signn': 'off' } }, /"rules\.legacy-signn" is not a known rule id/],
    [{ rules: { 'legacy-signin': 'fatal' } }, /"rules\.legacy-signin" must be one of "off", "error", "warning", "info"/],
    [{ rules: [] }, /"rules" must be an object/],
    [{ ignore: 'dist' }, /"ignore" must be an array/],
    [{ maxFileSize: -1 }, /"maxFileSize" must be a positive integer/],
    [{ minConfidence: 'certain' }, /"minConfidence" must be one of high, medium, low/],
    [{ failOn: 'never' }, /"failOn" must be one of error, warning, info, none/],
    [{ rule: {} }, /"rule" is not a known key/],
    [[], /"\(root\)" must be a JSON object/],
  ];
  for (const [value, message] of cases) assert.throws(() => validateConfig(value, 'cfg.json'), (err: Error) => err instanceof ConfigError && message.test(err.message) && err.message.includes('cfg.json'));
});

test('lookup order: --config, then axeptio-migrate.config.json (JSON with comments), then package.json "axeptio-migrate"', (t) => {
  const root = tempTree({
    'axeptio-migrate.config.json': '{\n  // docs describe the old flow on purpose\n  "rules": { "legacy-signin-reference": "off" },\n}\n',
    'package.json': JSON.stringify({ name: 'x', 'axeptio-migrate': { failOn: 'warning' } }),
    'other.json': JSON.stringify({ minConfidence: 'low' }),
  });
  const pkgOnly = tempTree({ 'package.json': JSON.stringify({ name: 'x', 'axeptio-migrate': { failOn: 'warning' } }) });
  const none = tempTree({ 'package.json': '{ not json' });
  t.after(() => [root, pkgOnly, none].forEach(removeTree));
  assert.deepEqual(loadConfig(root, 'other.json'), { config: { minConfidence: 'low' }, source: 'other.json' });
  assert.deepEqual(loadConfig(root), { config: { rules: { 'legacy-signin-reference': 'off' } }, source: 'axeptio-migrate.config.json' });
  assert.deepEqual(loadConfig(pkgOnly), { config: { failOn: 'warning' }, source: 'package.json "axeptio-migrate"' });
  assert.deepEqual(loadConfig(none), { config: {} });
});

test('unreadable or malformed config files are config errors with the location', (t) => {
  const root = tempTree({ 'bad.json': '{\n  "rules": {\n    "legacy-signin": "off"\n  \n' });
  t.after(() => removeTree(root));
  assert.throws(() => loadConfig(root, 'bad.json'), /invalid JSON in config bad.json at line \d+/);
  assert.throws(() => loadConfig(root, 'missing.json'), /cannot read config missing.json: ENOENT/);
});
