/**
 * One parsed script → facts. A single walk collects imports, env reads, secrets, routes, requests
 * and candidate wrapper calls; requests are then completed with response consumers, context and
 * evidence, and wrappers, bindings and file evidence are derived from what the walk found.
 */
import { ts, type TS } from './typescript.js';
import type { Evidence, Fact, FileEvidenceFact, ImportFact, RequestContext, RequestFact } from '../../facts/types.js';
import type { FileKind } from '../../discover/file-kind.js';
import { bindingFacts, collectExports } from './bindings.js';
import { callsOf, fieldsReadFrom, hasExpiryTracking, responseTokenField } from './consumer.js';
import { inLoop, inRequestInterceptor, inTestBlock, isBrowserFile, isInteractiveValue, isTestPath } from './context.js';
import { AXEPTIO_NAME, finalizeEvidence, namesAround, valueEvidence } from './evidence.js';
import { envNameOf, isEnvObject, knownText } from './fold.js';
import { collectInstances } from './instances.js';
import { isSelfTestCall, recognizeRequest, type RequestDraft } from './requests.js';
import { isLocalStrategy, nestRoutesOf, routeOf } from './routes.js';
import { requiredModule, resolve } from './scope.js';
import { secretOfLiteral } from './secrets.js';
import { accessChain, enclosingFunction, enclosingNamedFunction, functionName, propertyNameText, spanOf, unwrap, whereOf } from './source.js';
import { callFactOf, wrapperOf } from './wrappers.js';

export interface ScriptInput {
  path: string;
  kind: FileKind;
  /** The original file text (for file-level checks such as expiry tracking). */
  text: string;
}

const AXEPTIO_MODULE = /^(?:@axeptio\/|axeptio(?:[-/]|$))/i;
const USER_FIELD = /(?:^|\.)(?:username|user_?name|user|email|login|identifier|account)$/i;
const PASSWORD_FIELD = /(?:^|\.)(?:password|passwd|pwd|pass)$/i;
/** Route paths that mean the app implements a login itself. */
const OWN_LOGIN_PATH = /(?:^|\/)(?:signin|sign-in|login|local)(?:\/|$)/i;
const TOKENISH_ASSIGNMENT = /token|jwt|bearer|access|auth|credential|\.data\b/i;

/** All facts of one parsed script. */
export function analyzeScript(sf: TS.SourceFile, input: ScriptInput): Fact[] {
  const { path } = input;
  const facts: Fact[] = [];
  const reg = collectInstances(sf);
  const exportsInfo = collectExports(sf);
  const drafts: RequestDraft[] = [];
  const calls: Array<{ node: TS.CallExpression; fact: NonNullable<ReturnType<typeof callFactOf>> }> = [];
  const importedModules: string[] = [];
  const axeptioIdentifiers = new Set<string>();
  const axeptioHosts: Evidence[] = [];
  let hasJsx = false;
  let definesOwnLogin = false;

  const addImport = (node: TS.Node, from: string, imported: string, local: string): void => {
    facts.push({ kind: 'import', span: spanOf(sf, node), from, imported, local } satisfies ImportFact);
  };

  const visit = (n: TS.Node): void => {
    switch (n.kind) {
      case ts.SyntaxKind.ImportDeclaration: {
        const d = n as TS.ImportDeclaration;
        if (!ts.isStringLiteral(d.moduleSpecifier)) break;
        const from = d.moduleSpecifier.text;
        importedModules.push(from);
        const c = d.importClause;
        if (c?.name) addImport(d, from, 'default', c.name.text);
        if (c?.namedBindings && ts.isNamespaceImport(c.namedBindings)) addImport(d, from, '*', c.namedBindings.name.text);
        if (c?.namedBindings && ts.isNamedImports(c.namedBindings))
          for (const el of c.namedBindings.elements) addImport(el, from, (el.propertyName ?? el.name).text, el.name.text);
        return; // nothing else of interest inside an import
      }
      case ts.SyntaxKind.ExportDeclaration: {
        const d = n as TS.ExportDeclaration;
        if (!d.moduleSpecifier || !ts.isStringLiteral(d.moduleSpecifier)) break;
        const from = d.moduleSpecifier.text;
        importedModules.push(from);
        if (!d.exportClause) addImport(d, from, '*', '*');
        else if (ts.isNamespaceExport(d.exportClause)) addImport(d, from, '*', d.exportClause.name.text);
        else for (const el of d.exportClause.elements) addImport(el, from, (el.propertyName ?? el.name).text, el.name.text);
        return;
      }
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const d = n as TS.ImportEqualsDeclaration;
        if (ts.isExternalModuleReference(d.moduleReference) && ts.isStringLiteral(d.moduleReference.expression)) {
          importedModules.push(d.moduleReference.expression.text);
          addImport(d, d.moduleReference.expression.text, '*', d.name.text);
        }
        return;
      }
      case ts.SyntaxKind.VariableDeclaration:
        variableDeclaration(n as TS.VariableDeclaration);
        break;
      case ts.SyntaxKind.CallExpression:
        callExpression(n as TS.CallExpression);
        break;
      case ts.SyntaxKind.NewExpression:
        if (isLocalStrategy(n as TS.NewExpression)) definesOwnLogin = true;
        break;
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression: {
        // Only `<x>.env.NAME` / `<x>.env['NAME']` can be env reads: skip the rest cheaply.
        const holder = (n as TS.PropertyAccessExpression | TS.ElementAccessExpression).expression;
        if (!ts.isPropertyAccessExpression(holder) || holder.name.text !== 'env') break;
        const env = envNameOf(n as TS.Expression);
        if (env) facts.push({ kind: 'env-read', span: spanOf(sf, n), name: env });
        break;
      }
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral: {
        const lit = n as TS.StringLiteralLike;
        const secret = secretOfLiteral(lit);
        if (secret) {
          const where = whereOf(sf, path, lit);
          const ev: Evidence[] = AXEPTIO_NAME.test(secret.boundTo) ? [{ weight: 'strong', text: `identifier ${secret.boundTo} in ${where}` }] : [];
          for (const name of namesAround(lit)) ev.push({ weight: 'strong', text: `identifier ${name} in ${where}` });
          facts.push({ kind: 'secret', span: spanOf(sf, lit), secretKind: secret.secretKind, boundTo: secret.boundTo, evidence: finalizeEvidence(ev) });
        }
        for (const m of lit.text.matchAll(/[a-z][a-z0-9+.-]*:\/\/((?:[\w-]+\.)*axept\.io)\b/gi))
          axeptioHosts.push({ weight: 'strong', text: `host ${m[1]!.toLowerCase()} in ${whereOf(sf, path, lit)}` });
        break;
      }
      case ts.SyntaxKind.Identifier: {
        const t = (n as TS.Identifier).text;
        if (AXEPTIO_NAME.test(t)) axeptioIdentifiers.add(t);
        break;
      }
      case ts.SyntaxKind.JsxElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
      case ts.SyntaxKind.JsxFragment:
        hasJsx = true;
        break;
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
        for (const { node, route } of nestRoutesOf(n as TS.ClassLikeDeclaration)) {
          facts.push({ ...route, span: spanOf(sf, node) });
          if (OWN_LOGIN_PATH.test(route.path)) definesOwnLogin = true;
        }
        break;
    }
    n.forEachChild(visit);
  };

  const variableDeclaration = (d: TS.VariableDeclaration): void => {
    if (!d.initializer) return;
    const req = requiredModule(d.initializer);
    if (req) {
      importedModules.push(req.from);
      if (ts.isIdentifier(d.name)) addImport(d, req.from, req.member ?? '*', d.name.text);
      else if (ts.isObjectBindingPattern(d.name))
        for (const el of d.name.elements) {
          const imported = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
          if (imported && ts.isIdentifier(el.name)) addImport(el, req.from, imported, el.name.text);
        }
      return;
    }
    // const { AXEPTIO_USERNAME, AXEPTIO_PASSWORD } = process.env
    const init = unwrap(d.initializer);
    const chain = accessChain(init);
    if (ts.isObjectBindingPattern(d.name) && isEnvObject(chain.root, chain.members)) {
      for (const el of d.name.elements) {
        const name = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
        if (name) facts.push({ kind: 'env-read', span: spanOf(sf, el), name });
      }
    }
  };

  const callExpression = (call: TS.CallExpression): void => {
    const env = ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'get' ? envNameOf(call) : undefined;
    if (env) {
      facts.push({ kind: 'env-read', span: spanOf(sf, call), name: env });
      return;
    }
    if (isSelfTestCall(call)) return;
    const route = routeOf(call, reg);
    if (route) {
      facts.push({ ...route, span: spanOf(sf, call) });
      if (OWN_LOGIN_PATH.test(route.path)) definesOwnLogin = true;
      return;
    }
    const draft = recognizeRequest(call, reg);
    if (draft) {
      drafts.push(draft);
      return;
    }
    const callFact = callFactOf(call, sf);
    if (callFact) calls.push({ node: call, fact: callFact });
  };

  visit(sf);

  const browser = isBrowserFile(path, input.kind, input.text, importedModules, hasJsx);
  const testFile = isTestPath(path);
  let expiryTracked: boolean | undefined;
  const tracksExpiry = (): boolean => (expiryTracked ??= hasExpiryTracking(input.text));
  const axeptioImports = importedModules.filter((m) => AXEPTIO_MODULE.test(m));
  const fileLevel: Evidence[] = axeptioImports.map((m) => ({ weight: 'strong', text: `import ${m} in ${path}` }));

  const contextOf = (node: TS.Node): RequestContext => {
    const named = enclosingNamedFunction(node);
    return {
      ...(named ? { enclosingFunction: named.name } : {}),
      ...(browser ? { browser: true } : {}),
      ...(testFile || inTestBlock(node) ? { inTest: true } : {}),
      ...(inLoop(node) ? { inLoop: true } : {}),
    };
  };

  const requestFacts: Array<{ draft: RequestDraft; fact: RequestFact }> = drafts.map((draft) => {
    const fields = fieldsReadFrom(draft.node);
    for (const read of draft.responseReads ?? []) for (const f of fieldsReadFrom(read)) fields.add(f);
    const tokenField = responseTokenField(fields);
    const fn = enclosingFunction(draft.node);
    const context = contextOf(draft.node);
    if (draft.valueExprs.some((e) => isInteractiveValue(e))) context.interactive = true;
    const cached = !!tokenField && !!fn && storesToken(fn) && !tracksExpiry();
    const fact: RequestFact = {
      kind: 'request',
      span: spanOf(sf, draft.node),
      client: draft.client,
      ...(draft.method ? { method: draft.method } : {}),
      url: draft.url,
      ...(draft.base ? { base: draft.base } : {}),
      ...(draft.instance ? { instance: draft.instance } : {}),
      ...(draft.body ? { body: draft.body } : {}),
      ...(draft.headers ? { headers: draft.headers } : {}),
      ...(tokenField ? { responseTokenField: tokenField } : {}),
      ...(cached ? { tokenCachedWithoutExpiry: true } : {}),
      context,
      evidence: [],
    };
    fact.evidence = finalizeEvidence([...requestEvidence(draft, fact), ...fileLevel]);
    return { draft, fact };
  });

  // perRequest: inside a request interceptor, a header getter, or a (non-caching) function called before other requests.
  const requestNodes = requestFacts.map((r) => r.draft.node);
  const perRequestAt = (node: TS.Node): boolean => {
    if (inRequestInterceptor(node)) return true;
    const fn = enclosingFunction(node);
    if (!fn || storesToken(fn)) return false;
    // A header getter runs once per API call by design: the sign-in inside it, or in what it calls, does too.
    if (buildsAuthHeaders(fn)) return true;
    const others = requestNodes.filter((o) => o !== node && !isWithin(o, fn));
    return callsOf(fn).some((c) => {
      if (isWithin(c, fn)) return false;
      const g = enclosingFunction(c);
      // Only named callers count: a UMD/IIFE wrapper around the whole module contains every request.
      if (inRequestInterceptor(c)) return true;
      if (!g || functionName(g) === undefined) return false;
      return others.some((o) => isWithin(o, g)) || (!storesToken(g) && buildsAuthHeaders(g));
    });
  };
  for (const { draft, fact } of requestFacts) if (perRequestAt(draft.node)) fact.context.perRequest = true;

  function requestEvidence(draft: RequestDraft, fact: RequestFact): Evidence[] {
    const where = whereOf(sf, path, draft.node);
    const ev: Evidence[] = [];
    ev.push(...valueEvidence(draft.url, where));
    if (draft.via && draft.base === draft.via.base) ev.push(...valueEvidence(draft.base, whereOf(sf, path, draft.via.node), `${draft.via.library} instance ${draft.via.name}`));
    else ev.push(...valueEvidence(draft.base, where));
    for (const v of Object.values(draft.headers ?? {})) ev.push(...valueEvidence(v, where));
    for (const v of Object.values(draft.body?.fields ?? {})) ev.push(...valueEvidence(v, where));
    for (const env of draft.notes.envDefaults) if (AXEPTIO_NAME.test(env)) ev.push({ weight: 'strong', text: `env ${env} in ${where}` });
    if (draft.via)
      for (const env of draft.via.notes.envDefaults)
        if (AXEPTIO_NAME.test(env)) ev.push({ weight: 'strong', text: `env ${env} via ${draft.via.library} instance ${draft.via.name} in ${whereOf(sf, path, draft.via.node)}` });
    for (const name of namesAround(draft.node)) ev.push({ weight: 'strong', text: `identifier ${name} in ${where}` });
    if (draft.instance && AXEPTIO_NAME.test(draft.instance.name)) ev.push({ weight: 'strong', text: `identifier ${draft.instance.name} in ${where}` });
    const keys = Object.keys(draft.body?.fields ?? {});
    if (keys.some((k) => USER_FIELD.test(k)) && keys.some((k) => PASSWORD_FIELD.test(k))) ev.push({ weight: 'weak', text: `username + password body in ${where}` });
    if (fact.responseTokenField === 'token') ev.push({ weight: 'weak', text: `.token read from the response in ${where}` });
    const urlText = knownText(draft.url);
    if (browser && urlText.startsWith('/') && !draft.base?.length && !draft.instance) ev.push({ weight: 'contrary', text: `relative URL in browser code (the app's own backend) in ${where}` });
    return ev;
  }

  for (const { draft } of requestFacts) {
    const wrapper = wrapperOf(draft, sf, exportsInfo);
    if (wrapper && !facts.some((f) => f.kind === 'wrapper' && f.name === wrapper.name)) facts.push(wrapper);
  }
  facts.push(...requestFacts.map((r) => r.fact));
  for (const { node, fact } of calls) {
    const context = contextOf(node);
    if (perRequestAt(node)) context.perRequest = true;
    const objArgs = node.arguments.filter((a) => ts.isObjectLiteralExpression(unwrap(a)));
    if (objArgs.some((a) => (unwrap(a) as TS.ObjectLiteralExpression).properties.some((p) => (ts.isPropertyAssignment(p) && isInteractiveValue(p.initializer)) || (ts.isShorthandPropertyAssignment(p) && isInteractiveValue(p.name)))))
      context.interactive = true;
    facts.push({ ...fact, context });
  }
  facts.push(...bindingFacts(sf, path, exportsInfo, reg));

  // One file-level evidence fact: Axeptio-named path, imports, identifiers, hosts; own login.
  const fileEvidence: Evidence[] = [...fileLevel];
  const segment = path.split('/').find((s) => AXEPTIO_NAME.test(s));
  if (segment) fileEvidence.push({ weight: 'strong', text: `path segment ${segment} in ${path}` });
  for (const id of [...axeptioIdentifiers].slice(0, 3)) fileEvidence.push({ weight: 'strong', text: `identifier ${id} in ${path}` });
  fileEvidence.push(...axeptioHosts.slice(0, 3));
  if (fileEvidence.length || definesOwnLogin) {
    facts.push({ kind: 'file-evidence', evidence: finalizeEvidence(fileEvidence), ...(definesOwnLogin ? { definesOwnLogin: true } : {}) } satisfies FileEvidenceFact);
  }
  return facts;
}

/** Per-function answers: in bundles every request sits in one giant function, walked once, not per request. */
function memo(compute: (fn: TS.Node) => boolean): (fn: TS.Node) => boolean {
  const cache = new WeakMap<TS.Node, boolean>();
  return (fn) => {
    let v = cache.get(fn);
    if (v === undefined) cache.set(fn, (v = compute(fn)));
    return v;
  };
}

/** Does a function keep a token in module-level or class state (`cached = res.data.token`, `this.token = ...`)? */
const storesToken = memo((fn: TS.Node): boolean => {
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.EqualsToken || n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken || n.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken)) {
      const { root, members } = accessChain(n.left);
      const target = [ts.isIdentifier(root) ? root.text : 'this', ...members].join('.');
      const outer =
        (root.kind === ts.SyntaxKind.ThisKeyword && members.length >= 1) ||
        (ts.isIdentifier(root) && (() => {
          const d = resolve(root);
          return d?.kind === 'var' && d.moduleLevel;
        })());
      if (outer && (TOKENISH_ASSIGNMENT.test(target) || TOKENISH_ASSIGNMENT.test(n.right.getText()))) found = true;
    }
    n.forEachChild(visit);
  };
  visit(fn);
  return found;
});

/** Does a function return request headers/config carrying a bearer (`return { Authorization: 'Bearer ' + t }`)? */
const buildsAuthHeaders = memo((fn: TS.Node): boolean => {
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (n !== fn && ts.isFunctionLike(n)) return;
    const returned = ts.isReturnStatement(n) ? n.expression : ts.isArrowFunction(n) && n === fn && !ts.isBlock(n.body) ? n.body : undefined;
    if (returned) {
      const e = unwrap(returned);
      if (ts.isObjectLiteralExpression(e) && /\b(?:authorization|headers)\b\s*['"]?\s*:/i.test(e.getText())) found = true;
    }
    n.forEachChild(visit);
  };
  if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) {
    const e = unwrap(fn.body);
    return ts.isObjectLiteralExpression(e) && /\b(?:authorization|headers)\b\s*['"]?\s*:/i.test(e.getText());
  }
  fn.forEachChild(visit);
  return found;
});

function isWithin(node: TS.Node, container: TS.Node): boolean {
  for (let n: TS.Node | undefined = node; n; n = n.parent) if (n === container) return true;
  return false;
}
