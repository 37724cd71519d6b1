/** A scan that cannot start because of its input (missing path, unreadable root, bad option value): exit 2. */
export class ScanInputError extends Error {
  override name = 'ScanInputError';
}
