import { readFileSync } from 'node:fs';
import { analyzeJavaScript } from '../src/analyze/javascript/index.ts';
import { fileKindOf } from '../src/discover/file-kind.ts';
const [root, ...files] = process.argv.slice(2);
for (const f of files) {
  const out = analyzeJavaScript({ path: f, text: readFileSync(root + '/' + f, 'utf8'), kind: fileKindOf(f)! });
  console.log('===', f, out.errors);
  for (const fact of out.facts) console.log(JSON.stringify(fact).slice(0, 600));
}
