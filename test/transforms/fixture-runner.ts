/**
 * Runs a transform over its fixture pairs: `<case>.input.<ext>` → `<case>.output.<ext>` byte for
 * byte, then once more over the output (a second run must change nothing). An input without an
 * output must stay unchanged and the transform must say why (a manual step).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jscodeshift from 'jscodeshift';
import type { Transform } from 'jscodeshift';
import type { ManualStep } from '../../transforms/_manual-step.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../transforms/__testfixtures__');

export interface RunResult {
  output: string;
  steps: ManualStep[];
}

/** Run `transform` in-process on `source` as if it were the file at `filePath`. */
export function runTransform(transform: Transform, filePath: string, source: string, options: Record<string, unknown> = {}): RunResult {
  const steps: ManualStep[] = [];
  const j = jscodeshift.withParser('tsx');
  const api = { jscodeshift: j, j, stats: () => {}, report: (msg: string) => steps.push({ transform: '?', file: filePath, reason: msg }) };
  const result = transform({ path: filePath, source }, api as any, { ...options, onManualStep: (s: ManualStep) => steps.push(s) });
  return { output: typeof result === 'string' ? result : source, steps };
}

/** Declare one test per fixture case of `name`. */
export function defineFixtureTests(name: string, transform: Transform): void {
  const dir = path.join(FIXTURES, name);
  const inputs = readdirSync(dir).filter((f) => /\.input\.[a-z]+$/.test(f)).sort();
  assert.ok(inputs.length > 0, `no fixtures for ${name}`);
  for (const input of inputs) {
    const [caseName, ext] = [input.replace(/\.input\.[a-z]+$/, ''), input.split('.').pop()!];
    const inputPath = path.join(dir, input);
    const outputPath = path.join(dir, `${caseName}.output.${ext}`);
    const optionsPath = path.join(dir, `${caseName}.options.json`);
    test(`${name}: ${caseName}`, () => {
      const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
      if (typeof options.helperPath === 'string') options.helperPath = path.resolve(dir, options.helperPath);
      const source = readFileSync(inputPath, 'utf8');
      const first = runTransform(transform, inputPath, source, options);
      if (existsSync(outputPath)) {
        assert.equal(first.output, readFileSync(outputPath, 'utf8'), `${caseName}: output differs`);
        assert.notEqual(first.output, source, `${caseName}: expected a change`);
      } else {
        assert.equal(first.output, source, `${caseName}: must not change`);
        if (!options.silent) assert.ok(first.steps.length > 0, `${caseName}: an unchanged file must come with a manual step saying why`);
      }
      const second = runTransform(transform, inputPath, first.output, options);
      assert.equal(second.output, first.output, `${caseName}: second run changed the file`);
      if (typeof options.expectManualStep === 'string') {
        assert.ok(first.steps.some((s) => s.reason.includes(options.expectManualStep)), `${caseName}: expected a manual step mentioning "${options.expectManualStep}", got ${JSON.stringify(first.steps)}`);
      }
    });
  }
}
