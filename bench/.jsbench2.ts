import { readFileSync } from 'node:fs';
import { analyzeJavaScript } from '../src/analyze/javascript/index.ts';
const f = 'node_modules/playwright-core/lib/vite/traceViewer/sw.bundle.js';
const text = readFileSync(f, 'utf8');
for (let i = 0; i < 8; i++) analyzeJavaScript({ path: f, text, kind: 'javascript' });
