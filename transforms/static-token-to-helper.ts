/**
 * static-token-to-helper: a bearer token for the Axeptio API supplied statically (an
 * `AXEPTIO_TOKEN` env var, a literal, a module constant) stops working after an hour at most.
 * This transform makes every request ask the generated helper for a current token:
 *
 * - `const api = axios.create({ baseURL, headers: { Authorization: `Bearer ${...}` } })` and
 *   module-level `api.defaults.headers.common.Authorization = ...` → a request interceptor
 *   `api.interceptors.request.use(async (config) => { config.headers.Authorization = ...; return config; })`;
 * - `fetch(axeptioUrl, { headers: { Authorization: ... } })` → `axeptioFetch(axeptioUrl, { ... })`;
 * - a per-call request config (`axios.get(url, { headers: { Authorization } })`) in an async
 *   function → `Bearer ${await getAxeptioAccessToken()}`.
 *
 *   npx jscodeshift -t transforms/static-token-to-helper.ts --parser=tsx <paths>
 *
 * Options: `--helperPath=<file>`, `--importExtension=js|none` (see signin-to-client-credentials).
 */
import type { API, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { type AnyNode, type NodePath, canAwaitAt, findingLines, removeObjectProperties, withHiddenShebang, constInitOf, enclosingFunction, isMember, lineOf, memberName, sourceOf, staticText, unwrap } from './_ast.ts';
import { namesIn, removeUnusedBindings } from './_cleanup.ts';
import { addHelperImport, HELPER_FETCH, HELPER_FUNCTION } from './_helper-import.ts';
import { reportManualStep } from './_manual-step.ts';
import { browserCodeReason, mentionsAxeptio } from './_safety.ts';
import { printOptions } from './_token-rewrite.ts';
import { clientModuleNames } from './_token-request.ts';

export const parser = 'tsx';

const NAME = 'static-token-to-helper';

/** The jscodeshift transform. */
export default function staticTokenToHelper(file: FileInfo, api: API, options: Options): string {
  return withHiddenShebang(file, (visible) => rewrite(visible, api, options));
}

function rewrite(file: FileInfo, api: API, options: Options): string {
  const j = api.jscodeshift;
  const root = j(file.source);
  const program = root.find(j.Program).paths()[0]!.node as AnyNode;
  const sites = findStaticBearers(j, root);
  if (sites.length === 0) return file.source;
  const manual = (line: number | undefined, reason: string) => reportManualStep(api, options, { transform: NAME, file: file.path, line, reason });
  const browser = browserCodeReason(file.path, file.source, program);
  if (browser) {
    for (const site of sites) manual(lineOf(site.property.node), `${browser}: an Axeptio token must not be handled in the browser; call the Axeptio API from your back end`);
    return file.source;
  }
  const fileTie = mentionsAxeptio(file.path) || mentionsAxeptio(file.source);
  const modules = clientModuleNames(j, root);
  const candidates = new Set<string>();
  let changed = false;
  const hinted = findingLines(options, NAME);
  for (const site of sites) {
    const line = lineOf(site.property.node);
    const reported = [...hinted].some((l) => l >= (site.property.node.loc?.start.line ?? 0) - 3 && l <= (site.property.node.loc?.end.line ?? 0));
    if (!fileTie && !reported && !mentionsAxeptio(sourceOf(j, site.property.node))) continue;
    const outcome = rewriteSite(j, site, modules, candidates, reported);
    if (typeof outcome === 'string') manual(line, outcome);
    else changed = true;
  }
  if (!changed) return file.source;
  const print = { ...printOptions(file.source, root, j), arrowParensAlways: true };
  const second = j(root.toSource(print));
  removeUnusedBindings(j, second, candidates);
  return addHelperImport(j, second.toSource(print), file.path, options, print, program, [HELPER_FETCH, HELPER_FUNCTION]);
}

interface StaticBearer {
  /** The `Authorization: ...` property, or the `x.defaults.headers...Authorization = ...` assignment. */
  property: NodePath;
  value: AnyNode;
}

/** Every `Authorization` header whose value is a static bearer (env var, literal, module constant). */
function findStaticBearers(j: JSCodeshift, root: Collection<any>): StaticBearer[] {
  const sites: StaticBearer[] = [];
  root.find(j.ObjectProperty).forEach((p: any) => {
    if (isAuthorizationKey(p.node.key, p.node.computed) && isStaticBearer(p, p.node.value)) sites.push({ property: p, value: p.node.value });
  });
  root.find(j.AssignmentExpression).forEach((p: any) => {
    const left = p.node.left;
    if (isMember(left) && isAuthorizationName(memberName(left)) && /\.defaults\.headers\b/.test(sourceOf(j, left)) && (isStaticBearer(p, p.node.right) || isHelperBearer(p.node.right))) {
      sites.push({ property: p, value: p.node.right });
    }
  });
  return sites;
}

function isAuthorizationName(name: string | undefined): boolean {
  return !!name && name.toLowerCase() === 'authorization';
}

function isAuthorizationKey(key: AnyNode, computed: boolean): boolean {
  if (!computed && key.type === 'Identifier') return isAuthorizationName(key.name);
  return key.type === 'StringLiteral' && isAuthorizationName(key.value);
}

/** The token part of `Bearer ${x}`, `'Bearer ' + x` or `'Bearer <literal>'`. */
function bearerToken(value: AnyNode): AnyNode | 'literal' | null {
  const v = unwrap(value);
  if (v.type === 'TemplateLiteral' && v.expressions.length === 1 && /^Bearer\s+$/i.test(v.quasis[0].value.cooked) && v.quasis[1].value.cooked === '') return v.expressions[0];
  if (v.type === 'BinaryExpression' && v.operator === '+' && v.left.type === 'StringLiteral' && /^Bearer\s+$/i.test(v.left.value)) return v.right;
  if (v.type === 'StringLiteral' && /^Bearer\s+\S{8,}$/i.test(v.value)) return 'literal';
  return null;
}

/** Whether the header value is a bearer made from something that never changes while the process runs. */
function isStaticBearer(at: NodePath, value: AnyNode): boolean {
  const token = bearerToken(value);
  if (token === 'literal') return true;
  return !!token && isStaticSource(at, token, 0);
}

function isStaticSource(at: NodePath, node: AnyNode, depth: number): boolean {
  if (depth > 3) return false;
  const n = unwrap(node);
  if (n.type === 'StringLiteral') return true;
  if (n.type === 'LogicalExpression') return isStaticSource(at, n.left, depth + 1) && isStaticSource(at, n.right, depth + 1);
  if (isMember(n)) {
    const chain = memberChain(n);
    if (chain[0] === 'process' && chain[1] === 'env') return /token|jwt|bearer|key/i.test(chain[2] ?? '');
    return chain.length > 0 && /token|jwt|bearer/i.test(chain[chain.length - 1] ?? '');
  }
  if (n.type === 'Identifier') {
    const init = constInitOf(at, n.name);
    if (init) return isStaticSource(at, init, depth + 1);
    return false;
  }
  return false;
}

function memberChain(node: AnyNode): string[] {
  const parts: string[] = [];
  let current = node;
  while (isMember(current)) {
    const name = memberName(current);
    if (name === undefined) return [];
    parts.unshift(name);
    current = current.object;
  }
  if (current.type !== 'Identifier') return [];
  parts.unshift(current.name);
  return parts;
}

function isHelperBearer(value: AnyNode): boolean {
  const token = bearerToken(value);
  if (!token || token === 'literal') return false;
  const t = unwrap(token);
  const call = t.type === 'AwaitExpression' ? t.argument : t;
  return call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === HELPER_FUNCTION;
}

/** Rewrite one site; returns a manual-step reason when it cannot. */
function rewriteSite(j: JSCodeshift, site: StaticBearer, modules: Map<string, string>, candidates: Set<string>, reported: boolean): true | string {
  const { property } = site;
  namesIn(j, [site.value], candidates);
  if (property.node.type === 'AssignmentExpression') return rewriteDefaultsAssignment(j, property, modules);
  // headers: { Authorization } → inside which object, passed where?
  const headers = property.parent as NodePath;
  const headersProperty = headers.parent as NodePath;
  if (headersProperty?.node.type !== 'ObjectProperty' || memberKey(headersProperty.node) !== 'headers') return 'the bearer sits in an object the transform does not follow; send `Bearer ${await getAxeptioAccessToken()}` per request instead';
  const config = headersProperty.parent as NodePath;
  const holder = config.parent as NodePath;
  // const api = axios.create({ ..., headers: { Authorization } })
  if (holder.node.type === 'CallExpression' && isMember(holder.node.callee) && memberName(holder.node.callee) === 'create' && holder.node.arguments[0] === config.node) {
    const library = holder.node.callee.object.type === 'Identifier' ? modules.get(holder.node.callee.object.name) : undefined;
    if (library !== 'axios') return 'a client instance with a static bearer: give it a per-request hook that sets `Bearer ${await getAxeptioAccessToken()}`';
    const declarator = holder.parent as NodePath;
    const statement = declarator.parent as NodePath;
    const moduleLevel = statement.parent?.node.type === 'Program' || statement.parent?.parent?.node.type === 'Program';
    if (declarator.node.type !== 'VariableDeclarator' || declarator.node.id.type !== 'Identifier' || !moduleLevel) {
      return 'the axios instance is not a module-level constant: add a request interceptor setting `Bearer ${await getAxeptioAccessToken()}` where it is created';
    }
    removeProperty(j, property, headersProperty);
    const anchor = statement.parent.node.type === 'Program' ? statement : statement.parent;
    anchor.insertAfter(interceptor(j, declarator.node.id.name));
    return true;
  }
  // fetch(url, { headers: { Authorization } })
  if (holder.node.type === 'CallExpression' && holder.node.callee.type === 'Identifier' && holder.node.callee.name === 'fetch' && holder.node.arguments[1] === config.node) {
    const url = holder.node.arguments[0];
    if (!reported && !mentionsAxeptio(sourceOf(j, url) + staticText(j, holder, url))) return 'a fetch with a static bearer to a URL not tied to Axeptio: left unchanged';
    removeProperty(j, property, headersProperty);
    const init = holder.node.arguments[1];
    if (init.type === 'ObjectExpression' ? init.properties.length === 0 : init.type === 'Identifier' && init.name === '{}') holder.node.arguments.splice(1, 1);
    holder.get('callee').replace(j.identifier(HELPER_FETCH));
    return true;
  }
  // axios.get(url, { headers: { Authorization } }) and other per-call configs.
  if (holder.node.type === 'CallExpression' && holder.node.arguments.includes(config.node)) {
    if (!canAwaitAt(property) || !enclosingFunction(property)) return 'the bearer is built where `await` is not allowed: fetch the token with `await getAxeptioAccessToken()` before this call';
    property.get('value').replace(bearerFromHelper(j));
    return true;
  }
  return 'the static bearer sits in a shared configuration object: set `Bearer ${await getAxeptioAccessToken()}` per request (e.g. an interceptor) instead';
}

function memberKey(property: AnyNode): string | undefined {
  return property.key.type === 'Identifier' ? property.key.name : property.key.value;
}

/** `x.defaults.headers.common.Authorization = ...` at module level → an interceptor on `x`. */
function rewriteDefaultsAssignment(j: JSCodeshift, assignment: NodePath, modules: Map<string, string>): true | string {
  const statement = assignment.parent as NodePath;
  if (statement.node.type !== 'ExpressionStatement' || statement.parent?.node.type !== 'Program') {
    return 'the default Authorization header is set inside a function: register one request interceptor at module level that sets `Bearer ${await getAxeptioAccessToken()}` instead';
  }
  const chain = memberChain(assignment.node.left);
  const client = chain[0];
  if (!client || chain[1] !== 'defaults') return 'unrecognised defaults assignment';
  if (client !== 'axios' && !modules.has(client) && !/api|client|http|axeptio/i.test(client)) return 'unrecognised client for the default header';
  statement.replace(interceptor(j, client));
  return true;
}

/** Drop the Authorization header, and the `headers` object with it when nothing else is left. */
function removeProperty(j: JSCodeshift, property: NodePath, headersProperty: NodePath): void {
  const headers = headersProperty.node.value;
  if (headers.properties.length === 1) {
    removeObjectProperties(j, headersProperty.parent as NodePath, new Set([headersProperty.node]));
    return;
  }
  removeObjectProperties(j, headersProperty.get('value') as NodePath, new Set([property.node]));
}

/** `Bearer ${await getAxeptioAccessToken()}` */
function bearerFromHelper(j: JSCodeshift): AnyNode {
  return j.templateLiteral(
    [j.templateElement({ raw: 'Bearer ', cooked: 'Bearer ' }, false), j.templateElement({ raw: '', cooked: '' }, true)],
    [j.awaitExpression(j.callExpression(j.identifier(HELPER_FUNCTION), []))],
  );
}

/** `name.interceptors.request.use(async (config) => { config.headers.Authorization = ...; return config; });` */
function interceptor(j: JSCodeshift, name: string): AnyNode {
  const config = j.identifier('config');
  const callback = j.arrowFunctionExpression(
    [config],
    j.blockStatement([
      j.expressionStatement(j.assignmentExpression('=', j.memberExpression(j.memberExpression(j.identifier('config'), j.identifier('headers')), j.identifier('Authorization')), bearerFromHelper(j) as any)),
      j.returnStatement(j.identifier('config')),
    ]),
  );
  callback.async = true;
  return j.expressionStatement(
    j.callExpression(j.memberExpression(j.memberExpression(j.memberExpression(j.identifier(name), j.identifier('interceptors')), j.identifier('request')), j.identifier('use')), [callback]),
  );
}
