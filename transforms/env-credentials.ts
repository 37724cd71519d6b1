/**
 * env-credentials: code that reads the retired Axeptio username/password from the environment
 * (`process.env.AXEPTIO_USERNAME`, `process.env['AXEPTIO_PASSWORD']`) and hands them on as
 * credentials to something other than the legacy sign-in (an SDK config, a client constructor)
 * reads `AXEPTIO_CLIENT_ID` / `AXEPTIO_CLIENT_SECRET` instead.
 *
 * A file that still calls the legacy sign-in is left to signin-to-client-credentials (renaming
 * the variables under it would only hide the real problem); browser code is never touched.
 *
 *   npx jscodeshift -t transforms/env-credentials.ts --parser=tsx <paths>
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type AnyNode, lineOf, memberName, withHiddenShebang } from './_ast.ts';
import { reportManualStep } from './_manual-step.ts';
import { browserCodeReason } from './_safety.ts';
import { printOptions } from './_token-rewrite.ts';

export const parser = 'tsx';

const NAME = 'env-credentials';

/** Legacy variable name → its client-credentials replacement. */
export function replacementFor(variable: string): string | null {
  const match = /^(AXEPTIO_)(USERNAME|USER|EMAIL|LOGIN|PASSWORD|PASS|PWD)$/.exec(variable);
  if (!match) return null;
  return ['USERNAME', 'USER', 'EMAIL', 'LOGIN'].includes(match[2]!) ? 'AXEPTIO_CLIENT_ID' : 'AXEPTIO_CLIENT_SECRET';
}

/** The jscodeshift transform. */
export default function envCredentials(file: FileInfo, api: API, options: Options): string {
  return withHiddenShebang(file, (visible) => rewrite(visible, api, options));
}

function rewrite(file: FileInfo, api: API, options: Options): string {
  const j = api.jscodeshift;
  const root = j(file.source);
  const reads: Array<{ path: any; variable: string; replacement: string }> = [];
  root.find(j.MemberExpression).forEach((p: any) => {
    const object = p.node.object as AnyNode;
    if (!(object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'process' && memberName(object) === 'env')) return;
    const variable = memberName(p.node);
    const replacement = variable ? replacementFor(variable) : null;
    if (variable && replacement) reads.push({ path: p, variable, replacement });
  });
  if (reads.length === 0) return file.source;
  const manual = (line: number | undefined, reason: string) => reportManualStep(api, options, { transform: NAME, file: file.path, line, reason });
  const program = root.find(j.Program).paths()[0]!.node as AnyNode;
  const browser = browserCodeReason(file.path, file.source, program);
  if (browser) {
    for (const read of reads) manual(lineOf(read.path.node), `${browser}: Axeptio credentials must not be read in browser code; move their use to your back end`);
    return file.source;
  }
  if (/\/auth\/local\/signin\b/.test(file.source)) {
    for (const read of reads) manual(lineOf(read.path.node), `${read.variable} still feeds the legacy sign-in in this file: run signin-to-client-credentials first`);
    return file.source;
  }
  for (const read of reads) {
    const { node } = read.path;
    if (node.computed) {
      const quote = String(node.property.extra?.raw ?? "'")[0];
      // recast prints string literals in one quote style; an identifier node prints its name verbatim,
      // so the file keeps its own quote character here.
      read.path.get('property').replace(j.identifier(`${quote}${read.replacement}${quote}`));
    }
    else read.path.get('property').replace(j.identifier(read.replacement));
  }
  return root.toSource(printOptions(file.source, root, j));
}
