import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeJavaScript, looksMinified } from '../../../src/analyze/javascript/index.ts';

/** A bundle-shaped file: one ~60 KB line of code with a legacy sign-in literal in the middle. */
function bundle(): { text: string; column: number } {
  const head = Array.from({ length: 1500 }, (_, i) => `var a${i}=function(b){return b+${i}};`).join('');
  const call = 'fetch("https://api.axept.io/v1/auth/local/signin",{method:"POST"});';
  const tail = Array.from({ length: 1500 }, (_, i) => `var c${i}=${i};`).join('');
  const text = `/*! lib v1 */\n${head}${call}${tail}\n`;
  return { text, column: head.length + 'fetch("'.length + 1 };
}

test('a large minified bundle is scanned lexically, not parsed, and its legacy literal is still found', () => {
  const { text, column } = bundle();
  assert.equal(looksMinified(text), true);
  const out = analyzeJavaScript({ path: 'vendor-ish/app.bundle-x.js', text, kind: 'javascript' });
  assert.equal(out.parsed, false);
  const requests = out.facts.filter((f) => f.kind === 'request');
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.span.line, 2);
  assert.equal(requests[0]!.span.column, column);
});

test('ordinary source, even long, is parsed', () => {
  const text = Array.from({ length: 2000 }, (_, i) => `export const value${i} = ${i};`).join('\n');
  assert.equal(looksMinified(text), false);
  assert.equal(analyzeJavaScript({ path: 'src/values.ts', text, kind: 'typescript' }).parsed, true);
});
