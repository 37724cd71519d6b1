import { readFileSync } from 'node:fs';
import { analyzeJavaScript } from '../src/analyze/javascript/index.ts';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const f of ['node_modules/yargs/build/lib/yargs-factory.js', 'node_modules/playwright-core/lib/vite/traceViewer/sw.bundle.js', 'node_modules/ts-morph/dist/ts-morph.js', 'node_modules/playwright-core/lib/vite/htmlReport/report.js']) {
  const text = readFileSync(f, 'utf8');
  analyzeJavaScript({ path: f, text, kind: 'javascript' });
  const s = cpu();
  const out = analyzeJavaScript({ path: f, text, kind: 'javascript' });
  console.log(f.slice(-40), (text.length / 1e3 | 0) + 'k', (cpu() - s).toFixed(0) + 'ms cpu', out.facts.length, 'facts');
}
