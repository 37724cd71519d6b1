import fg from 'fast-glob';
import { readFileSync } from 'node:fs';
import { isCandidateText, relativeImportSpecifiers, HTTP_CLIENT_TRIGGER } from '../dist/src/prefilter/index.js';
const files = await fg(['**/*.{js,mjs,cjs,ts,tsx,jsx}'], { cwd: 'node_modules', absolute: true, ignore: ['**/*.d.ts'] });
const texts = files.map((f) => readFileSync(f, 'utf8'));
function time(name, fn) { for (const t of texts) fn(t); const s = process.hrtime.bigint(); let c = 0; for (const t of texts) if (fn(t)) c++; console.log(name, (Number(process.hrtime.bigint() - s) / 1e6).toFixed(1), 'ms', c); }
time('candidate', isCandidateText);
time('http', (t) => HTTP_CLIENT_TRIGGER.test(t));
time('imports', (t) => relativeImportSpecifiers(t).length);
const S = /axept|signin|grant_?type|api-token|client[_-]?secret|refresh[_-]?token|eyJ|passw/i;
time('screen', (t) => S.test(t));
