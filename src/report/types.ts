/** Reporter interface: the scan report in, a string out. One formatter per file in src/report/. */
import type { ScanReport } from '../scan/types.js';

export interface ReporterOptions {
  /** Colour output (pretty only); false when not a TTY or NO_COLOR is set. */
  color: boolean;
  /** Absolute scan root, for formats that want URIs. */
  root: string;
}

export type Reporter = (report: ScanReport, options: ReporterOptions) => string;
