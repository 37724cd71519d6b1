/** Discovery: which files to read, and how to read them safely. */
export { discoverFiles, relativePosix, type DiscoverOptions, type DiscoveredFile, type Discovery } from './walk.js';
export { readTextFile, formatSize, DEFAULT_MAX_FILE_SIZE, type ReadResult } from './read.js';
export { decodeText, type Decoded } from './decode.js';
export { fileKindOf, type FileKind } from './file-kind.js';
export { DEFAULT_IGNORE_GLOBS } from './default-ignores.js';
