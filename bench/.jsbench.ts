import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { analyzeScript } from '/work/main/src/analyze/javascript/analyze-script.ts';
const f = 'node_modules/yargs/build/lib/yargs-factory.js';
const text = readFileSync('/work/main/' + f, 'utf8');
for (let i = 0; i < 10; i++) {
  let s = BigInt(Math.round(cpu()*1e6));
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JSX);
  const parse = Number(BigInt(Math.round(cpu()*1e6)) - s) / 1e6;
  s = BigInt(Math.round(cpu()*1e6));
  analyzeScript(sf, { path: f, kind: 'javascript', text });
  console.log('parse', parse.toFixed(0), 'analyze', (Number(BigInt(Math.round(cpu()*1e6)) - s) / 1e6).toFixed(0));
}
