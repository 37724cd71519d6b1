/** Configuration: file lookup, validation and the resolved shape. */
export { loadConfig, CONFIG_FILE_NAME } from './load.js';
export { validateConfig, ConfigError } from './validate.js';
export type { AxeptioMigrateConfig, LoadedConfig, RuleSetting, FailOn } from './types.js';
