#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(exitWhenFlushed, (err) => {
  process.stderr.write(`axeptio-migrate: internal error: ${err && err.stack ? err.stack : err}\n`);
  exitWhenFlushed(2);
});

/**
 * Exit as soon as stdout and stderr are flushed. By then the command is over (its threads are shut
 * down and its files written), but a natural exit would still wait for V8's background compile
 * jobs of the code the scan ran, up to half a second after a large scan.
 */
function exitWhenFlushed(code) {
  process.exitCode = code;
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}
