import fg from 'fast-glob';
import { readFileSync, statSync } from 'node:fs';
import { analyzeJavaScript } from '../src/analyze/javascript/index.ts';
import { fileKindOf } from '../src/discover/file-kind.ts';
const files = (await fg(['**/*.{js,mjs,cjs,ts,tsx,jsx,vue,svelte}'], { cwd: 'node_modules', ignore: ['**/*.d.ts'] })).filter((f, i) => i % 4 === 0 && statSync('node_modules/' + f).size < 150_000);
let failed = 0, parseErr = 0, facts = 0; const t0 = Date.now();
for (const f of files) {
  const text = readFileSync('node_modules/' + f, 'utf8');
  const out = analyzeJavaScript({ path: f, text, kind: fileKindOf(f)! });
  facts += out.facts.length;
  for (const x of out.facts) if (x.kind === "request" && (x.client === "unknown" || process.env.ALL)) console.log("REQ", x.client, f.slice(-50) + ":" + x.span.line, JSON.stringify(x.url).slice(0, 100));
  for (const x of out.facts) if (x.kind === "route" || x.kind === "secret") console.log(x.kind.toUpperCase(), f.slice(-50) + ":" + x.span.line, JSON.stringify(x).slice(0, 150));
  for (const e of out.errors) { if (e.startsWith('analysis failed')) { failed++; console.log(f, e); } else parseErr++; }
}
console.log(files.length, 'files', failed, 'analysis failures', parseErr, 'parse errors', facts, 'facts', Date.now() - t0, 'ms');
