/**
 * The common driver of the token-request transforms: find the requests, check they are safe to
 * rewrite, apply the planned rewrites, clean up what the old flow left, add the helper import, and
 * print with the file's own quotes and line endings.
 */
import type { API, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { type AnyNode, type NodePath, enclosingFunction, findingLines, lineOf, sourceOf, withHiddenShebang } from './_ast.ts';
import { collapseTokenCaches, inlineSingleUseTokenVariables, inlineTokenWrappers, namesIn, removeUnusedBindings, simplifyReturnAwait } from './_cleanup.ts';
import { addHelperImport } from './_helper-import.ts';
import { reportManualStep } from './_manual-step.ts';
import { browserCodeReason, definesOwnSigninRoute, insideRequestHandler, interactiveLoginReason, isAxeptioTarget, mentionsAxeptio } from './_safety.ts';
import { ManualStepError, planTokenRewrite, type RewritePlan } from './_token-flow.ts';
import { clientModuleNames, describeRequest, type RequestCall } from './_token-request.ts';

export interface TokenRequestKind {
  transform: string;
  /** Does this request's URL (and base) target the flow being replaced? */
  matchesUrl: (url: string) => boolean;
  tokenField: string;
  expiryFields: string[];
  /** Words for messages: "legacy sign-in", "Frontegg v1 token exchange". */
  label: string;
}

/** Print options that keep the file's quotes and line endings for the nodes recast reprints. */
export function printOptions(source: string, root: Collection<any>, j: JSCodeshift): { quote: 'single' | 'double'; lineTerminator: string } {
  let single = 0;
  let double = 0;
  root.find(j.StringLiteral).forEach((p: any) => {
    const raw = p.node.extra?.raw as string | undefined;
    if (raw?.startsWith("'")) single++;
    else if (raw?.startsWith('"')) double++;
  });
  return { quote: double > single ? 'double' : 'single', lineTerminator: source.includes('\r\n') ? '\r\n' : '\n' };
}

/** Run one token-request transform over a file. Returns the new source, or the old one when nothing changed. */
export function rewriteTokenRequests(file: FileInfo, api: API, options: Options, kind: TokenRequestKind): string {
  return withHiddenShebang(file, (visible) => rewriteVisible(visible, api, options, kind));
}

function rewriteVisible(file: FileInfo, api: API, options: Options, kind: TokenRequestKind): string {
  const j = api.jscodeshift;
  const root = j(file.source);
  const modules = clientModuleNames(j, root);
  const hintedLines = findingLines(options, kind.transform);
  const hinted = new Set<AnyNode>();
  const requests: RequestCall[] = [];
  const byLine = new Map<number, NodePath[]>();
  root.find(j.CallExpression).forEach((p: any) => {
    const line = p.node.loc?.start.line as number;
    if (hintedLines.has(line)) byLine.set(line, [...(byLine.get(line) ?? []), p]);
    const request = describeRequest(j, p, modules);
    if (request && kind.matchesUrl(fullUrl(request))) requests.push(request);
  });
  // On a line the scanner reported, the request is the first call a client makes there, else the
  // outermost call (a project wrapper): never a helper call nested in its arguments.
  for (const calls of byLine.values()) {
    const matched = calls.filter((c) => requests.some((r) => r.path.node === c.node));
    if (matched.length) {
      for (const c of matched) hinted.add(c.node);
      continue;
    }
    const known = calls.map((c) => describeRequest(j, c, modules)).find((r) => r && r.shape !== 'generic');
    const request = known ?? describeRequest(j, calls[0]!, modules, true);
    if (!request) continue;
    hinted.add(request.path.node);
    requests.push(request);
  }
  if (requests.length === 0) return file.source;

  const manual = (line: number | undefined, reason: string) => reportManualStep(api, options, { transform: kind.transform, file: file.path, line, reason });
  const program = root.find(j.Program).paths()[0]!.node as AnyNode;
  const browser = browserCodeReason(file.path, file.source, program);
  if (browser) {
    for (const r of requests) manual(lineOf(r.path.node), `${browser}: a client secret must never reach the browser; move this call to your back end and let the browser call that`);
    return file.source;
  }
  const fileTie = mentionsAxeptio(file.path) || mentionsAxeptio(file.source);
  const ownRoute = definesOwnSigninRoute(file.source);
  const plans: RewritePlan[] = [];
  for (const request of requests) {
    const line = lineOf(request.path.node);
    const urlTie = hinted.has(request.path.node) || mentionsAxeptio(request.evidenceText) || mentionsAxeptio(fullUrl(request));
    if ((ownRoute && !urlTie) || !isAxeptioTarget(fullUrl(request), urlTie || fileTie)) {
      manual(line, `no tie to Axeptio (${fullUrl(request) || 'unknown URL'}): looks like the application's own endpoint; left unchanged`);
      continue;
    }
    const fn = enclosingFunction(request.path);
    const interactive = insideRequestHandler(request.path)
      ? 'the call sits in a request handler that forwards what a person sent: an interactive login, not a machine integration'
      : interactiveLoginReason(sourceOf(j, request.path.node), fn ? sourceOf(j, fn.node) : '');
    if (interactive) {
      manual(line, `${interactive}; Axeptio API access needs client credentials held by a back end`);
      continue;
    }
    if (request.callbackStyle) {
      manual(line, `callback-style request: replace the ${kind.label} with \`getAxeptioAccessToken().then(token => ...)\``);
      continue;
    }
    try {
      plans.push(planTokenRewrite(j, request.path, { shape: request.shape, tokenField: kind.tokenField, expiryFields: kind.expiryFields }));
    } catch (error) {
      if (!(error instanceof ManualStepError)) throw error;
      manual(error.line ?? line, error.message);
    }
  }
  if (plans.length === 0) return file.source;

  const candidates = new Set<string>();
  for (const plan of plans) namesIn(j, plan.removed, candidates);
  for (const plan of plans) plan.apply();
  const print = printOptions(file.source, root, j);

  const second = j(root.toSource(print));
  inlineSingleUseTokenVariables(j, second);
  for (const step of collapseTokenCaches(j, second, candidates)) manual(step.line, step.reason);
  simplifyReturnAwait(j, second);
  inlineTokenWrappers(j, second, candidates);

  const third = j(second.toSource(print));
  removeUnusedBindings(j, third, candidates);
  return addHelperImport(j, third.toSource(print), file.path, options, print, program);
}


/** The request's URL with its client's base URL, joined with exactly one slash. */
function fullUrl(request: RequestCall): string {
  if (!request.base) return request.url;
  if (/^https?:\/\//i.test(request.url)) return request.url;
  return `${request.base.replace(/\/+$/, '')}/${request.url.replace(/^\/+/, '')}`;
}
