// Preloaded with --import when /usr/bin/time is absent: writes this process's peak RSS (KiB,
// worker threads included) to $AXM_BENCH_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

const file = process.env.AXM_BENCH_RSS_FILE;
if (file) {
  // Children spawned by the measured process must not overwrite the parent's number.
  delete process.env.AXM_BENCH_RSS_FILE;
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
