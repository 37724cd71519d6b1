/**
 * Renders the helper. The TypeScript template is the single source of truth: the ESM and CommonJS
 * flavours are the same file with its types stripped by the TypeScript compiler, then lightly
 * reformatted (2-space indent, blank lines kept) so the output reads like hand-written code in a PR.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import { stampHelper } from './marker.js';
import { packageVersion, PYTHON_TEMPLATE, readTemplate, TS_TEMPLATE } from './template-source.js';
import type { HelperFlavour } from './types.js';

const EDIT_NOTE_LINES = [
  'You may edit this file: axeptio-migrate then leaves it alone unless run with --force.',
  'Regenerate with: npx axeptio-migrate helper --out <this file> --force',
];

// ts-morph takes seconds to load: require it only when a JS flavour is rendered, not whenever
// the CLI starts (this module is imported by the command registry).
const requireLazily = createRequire(import.meta.url);
function typescript(): typeof TsMorph.ts {
  return (requireLazily('ts-morph') as typeof TsMorph).ts;
}

const rendered = new Map<HelperFlavour, string>();

/** The complete text of the helper in a flavour, marker line included. */
export function renderHelper(flavour: HelperFlavour): string {
  const cached = rendered.get(flavour);
  if (cached !== undefined) return cached;
  const text = flavour === 'python' ? renderPython() : renderScript(flavour);
  rendered.set(flavour, text);
  return text;
}

function renderPython(): string {
  const body = EDIT_NOTE_LINES.map((line) => `# ${line}`).join('\n') + '\n' + readTemplate(PYTHON_TEMPLATE);
  return stampHelper(body, packageVersion(), '#');
}

function renderScript(flavour: 'ts' | 'esm' | 'cjs'): string {
  const source = readTemplate(TS_TEMPLATE);
  const code = flavour === 'ts' ? source : stripTypes(source, flavour);
  const body = EDIT_NOTE_LINES.map((line) => `// ${line}`).join('\n') + '\n' + code;
  return stampHelper(body, packageVersion(), '//');
}

// The emitter drops blank lines; a marker comment on each blank line survives as a leading comment.
const BLANK_MARKER = '//__axeptio_migrate_blank__';

/** Transpile the template to JavaScript (ES module or CommonJS), keeping comments and blank lines. */
export function stripTypes(source: string, moduleSystem: 'esm' | 'cjs'): string {
  const ts = typescript();
  // The file's opening comment would vanish with the type declarations that follow it: keep it aside.
  const header = /^\/\*\*[\s\S]*?\*\/\n/.exec(source)?.[0] ?? '';
  const marked = source.slice(header.length).replace(/^[ \t]*$/gm, BLANK_MARKER);
  const output = ts.transpileModule(marked, {
    compilerOptions: {
      module: moduleSystem === 'esm' ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      removeComments: false,
      esModuleInterop: false,
    },
    reportDiagnostics: false,
  }).outputText;
  return header + '\n' + tidy(output);
}

/** Restore blank lines, halve the emitter's 4-space indent, cuddle catch/finally/else, join short braceless ifs. */
function tidy(js: string): string {
  const lines = js.split('\n').map((line) => {
    if (line.trim() === BLANK_MARKER) return '';
    const indent = /^ */.exec(line)![0].length;
    return ' '.repeat(Math.floor(indent / 4) * 2 + (indent % 4)) + line.slice(indent);
  });
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    // `if (x)\n    return y;` → `if (x) return y;` when the statement is a single short line.
    const head = /^( *)(?:if \(.*\)|else)$/.exec(line);
    const body = head && next !== undefined && new RegExp(`^${head[1]}  (\\S.*;)$`).exec(next);
    if (body && line.length + body[1]!.length < 120) {
      joined.push(`${line} ${body[1]}`);
      i++;
      continue;
    }
    joined.push(line);
  }
  return joined
    .join('\n')
    .replace(/\}\n *(catch|finally|else)\b/g, '} $1')
    .replace(/\n{3,}/g, '\n\n')
    // A blank line right after an opening brace is an artefact of erased type declarations.
    .replace(/\{\n\n/g, '{\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n');
}
