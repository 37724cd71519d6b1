/**
 * Follows a token request's response to the places that read the token, and plans the rewrite
 * that makes those places ask the helper instead. Shared by the legacy sign-in and the Frontegg v1
 * transforms: they differ only in which call starts the flow and which field holds the token.
 *
 * A value flowing out of the request is a *stage* (the HTTP response, its parsed body, or the
 * token) and may still be a promise. Expressions move it forward (`await`, `.json()`, `.data`,
 * `.then(cb)`, `.token`); variables carry it to their references. Everything between the request
 * and the token reads is "glue" that disappears; the token reads become the helper call.
 */
import type { JSCodeshift } from 'jscodeshift';
import {
  type AnyNode, type NodePath, canAwaitAt, enclosingFunction, enclosingStatement, isCall, isFunction, isMember,
  isTransparentWrapper, isWithin, memberName, referencesOf, removeKeepingHeader, sourceOf, lineOf, isNameTaken,
} from './_ast.ts';
import { helperCall } from './_helper-import.ts';

export type ClientShape = 'fetch' | 'axios' | 'got' | 'ky' | 'superagent' | 'request' | 'generic';

export interface Flow {
  stage: 'response' | 'body' | 'token';
  promise: boolean;
}

export interface FlowConfig {
  shape: ClientShape;
  /** Field of the response body that holds the token (`token`, `accessToken`). */
  tokenField: string;
  /** Body fields about expiry that lose their purpose once the helper tracks expiry (`expiresIn`). */
  expiryFields: string[];
}

interface Climbed {
  top: NodePath;
  flow: Flow;
  /** Set when the climb stopped at `.then(cb)` whose callback does more than return a value. */
  thenCall?: NodePath;
}

const STATUS_FIELDS = new Set(['ok', 'status', 'statusCode', 'statusText']);
const SUPERAGENT_BUILDER = new Set(['send', 'set', 'type', 'accept', 'query', 'timeout', 'retry', 'ok', 'field']);

/** Move one step up from `path` if its parent transforms the flow in a known way. */
function step(j: JSCodeshift, path: NodePath, flow: Flow, config: FlowConfig): Climbed | null {
  const parentPath = path.parent as NodePath | null;
  if (!parentPath) return null;
  const parent = parentPath.node;
  if (isTransparentWrapper(parent) && parent.expression === path.node) return { top: parentPath, flow };
  if (parent.type === 'AwaitExpression') return { top: parentPath, flow: { ...flow, promise: false } };
  if (!isMember(parent) || parent.object !== path.node) return null;
  const name = memberName(parent);
  const grand = parentPath.parent as NodePath;
  const called = isCall(grand?.node) && grand.node.callee === parent ? grand : null;
  const { shape } = config;
  if (called) {
    if (name === 'then' && flow.promise) return thenStep(j, called, flow, config);
    if ((name === 'catch' || name === 'finally') && flow.promise) return { top: called, flow };
    if (name === 'json' && flow.stage === 'response' && called.node.arguments.length === 0) {
      if (!flow.promise && (shape === 'fetch' || shape === 'generic')) return { top: called, flow: { stage: 'body', promise: true } };
      if (flow.promise && (shape === 'got' || shape === 'ky')) return { top: called, flow: { stage: 'body', promise: true } };
    }
    if (shape === 'superagent' && flow.promise && flow.stage === 'response' && name && SUPERAGENT_BUILDER.has(name)) return { top: called, flow };
    return null;
  }
  if (flow.promise) return null;
  const next = fieldStage(flow.stage, name, config);
  return next ? { top: parentPath, flow: { stage: next, promise: false } } : null;
}

/** The stage reached by reading field `name` of a value at `stage`, if that is a known move. */
function fieldStage(stage: Flow['stage'], name: string | undefined, config: FlowConfig): Flow['stage'] | null {
  const { shape } = config;
  if (!name) return null;
  if (stage === 'response') {
    if (name === 'data' && (shape === 'axios' || shape === 'generic')) return 'body';
    if (name === 'body' && (shape === 'superagent' || shape === 'got' || shape === 'generic' || shape === 'request')) return 'body';
    // request-promise with `json: true` and project wrappers often resolve to the body itself.
    if (name === config.tokenField && (shape === 'request' || shape === 'generic')) return 'token';
    return null;
  }
  if (stage === 'body' && name === config.tokenField) return 'token';
  return null;
}

/** `.then(cb)`: the callback's parameter receives the settled value; its return value flows on. */
function thenStep(j: JSCodeshift, called: NodePath, flow: Flow, config: FlowConfig): Climbed | null {
  const callback = called.node.arguments[0];
  if (!callback || !isFunction(callback) || callback.params.length === 0) return null;
  const settled: Flow = { stage: flow.stage, promise: false };
  const returned = returnedExpression(callback);
  const param = callback.params[0];
  if (returned) {
    if (param.type === 'Identifier') {
      const paramPath = called.get('arguments', 0, 'params', 0) as NodePath;
      const refs = referencesOf(j, (paramPath as any).scope, param.name).filter((r) => r.node !== param);
      if (refs.length === 1) {
        const climbed = climb(j, refs[0]!, settled, config);
        if (climbed.top.node === returned && !climbed.thenCall) {
          return { top: called, flow: { stage: climbed.flow.stage, promise: true } };
        }
      }
    } else if (param.type === 'ObjectPattern') {
      const reached = patternReach(param, settled, config);
      if (reached && reached.expiry.length === 0) {
        if ('tokenName' in reached && returned.type === 'Identifier' && reached.tokenName === returned.name) {
          return { top: called, flow: { stage: 'token', promise: true } };
        }
        // `.then(({ data }) => data.token)`: follow the destructured variable to the returned value.
        if ('bindingName' in reached) {
          const paramPath = called.get('arguments', 0, 'params', 0) as NodePath;
          const name = reached.bindingName;
          const refs = referencesOf(j, (paramPath as any).scope, name).filter((r) => !isWithin(r, paramPath));
          if (refs.length === 1) {
            const climbed = climb(j, refs[0]!, reached.flow, config);
            if (climbed.top.node === returned && !climbed.thenCall) return { top: called, flow: { stage: climbed.flow.stage, promise: true } };
          }
        }
      }
    }
  }
  return { top: called, flow, thenCall: called };
}

/** The expression a function returns when its whole body is one returned expression. */
function returnedExpression(fn: AnyNode): AnyNode | null {
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const statements = fn.body.body;
  if (statements.length === 1 && statements[0].type === 'ReturnStatement' && statements[0].argument) return statements[0].argument;
  return null;
}

/** Climb from `path` as far as the flow keeps moving. */
function climb(j: JSCodeshift, path: NodePath, flow: Flow, config: FlowConfig): Climbed {
  let current: Climbed = { top: path, flow };
  for (;;) {
    if (current.flow.stage === 'token') return current;
    const next = step(j, current.top, current.flow, config);
    if (!next) return current;
    if (next.thenCall) return { top: current.top, flow: current.flow, thenCall: next.thenCall };
    current = next;
  }
}

/** What destructuring a value reaches: the token's variable name, or a deeper variable still holding response/body. */
type PatternReach = { tokenName: string; expiry: string[] } | { bindingName: string; flow: Flow; expiry: string[] };

function patternReach(pattern: AnyNode, flow: Flow, config: FlowConfig): PatternReach | null {
  let main: PatternReach | null = null;
  const expiry: string[] = [];
  for (const property of pattern.properties as AnyNode[]) {
    if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) return null;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
    const value = property.value;
    if (config.expiryFields.includes(key) && value.type === 'Identifier' && flow.stage === 'body') {
      expiry.push(value.name);
      continue;
    }
    if (main) return null;
    const stage = fieldStage(flow.stage, key, config);
    if (!stage) return null;
    const next: Flow = { stage, promise: false };
    if (value.type === 'Identifier') {
      main = stage === 'token' ? { tokenName: value.name, expiry: [] } : { bindingName: value.name, flow: next, expiry: [] };
    } else if (value.type === 'ObjectPattern') {
      main = patternReach(value, next, config);
      if (!main) return null;
    } else {
      return null;
    }
  }
  if (!main) return null;
  return { ...main, expiry: [...main.expiry, ...expiry] };
}

/** What the analysis of one token request found. */
interface Collected {
  /** Token reads (expressions reaching the token stage). */
  terminals: Climbed[];
  /** Declarators that destructure the token into a variable: `const { token } = await res.json()`. */
  tokenDeclarators: Array<{ declarator: NodePath; name: string }>;
  /** Declarators of intermediate variables (response, body) to remove. */
  glue: NodePath[];
  /** `if (!res.ok) throw ...` statements about the old response, to remove. */
  guards: NodePath[];
  /** Statements that only record the old response's expiry, to remove. */
  expiryStatements: NodePath[];
}

export class ManualStepError extends Error {
  constructor(reason: string, readonly line?: number) {
    super(reason);
  }
}

function isStatusGuard(ref: NodePath): NodePath | null {
  const parent = ref.parent?.node;
  if (!isMember(parent) || !STATUS_FIELDS.has(memberName(parent) ?? '')) return null;
  let current: NodePath | null = ref.parent;
  while (current && current.node.type !== 'IfStatement' && !isFunction(current.node)) current = current.parent;
  if (!current || current.node.type !== 'IfStatement' || current.node.alternate) return null;
  if (!isWithin(ref, current.get('test') as NodePath)) return null;
  const consequent = current.node.consequent;
  const throws = consequent.type === 'ThrowStatement' || (consequent.type === 'BlockStatement' && consequent.body.length > 0 && consequent.body.every((s: AnyNode) => s.type === 'ThrowStatement'));
  return throws ? current : null;
}

/** Follow every reference of the variable declared by `idPath` (value at `flow`). */
function collectBinding(j: JSCodeshift, idPath: NodePath, flow: Flow, config: FlowConfig, into: Collected): void {
  const name = idPath.node.name as string;
  const scope = (idPath as any).scope.lookup(name);
  const refs = referencesOf(j, scope, name).filter((r) => r.node !== idPath.node);
  for (const ref of refs) {
    if (into.guards.some((g) => isWithin(ref, g))) continue;
    const guard = isStatusGuard(ref);
    if (guard) {
      into.guards.push(guard);
      continue;
    }
    const climbed = climb(j, ref, flow, config);
    if (climbed.thenCall) throw new ManualStepError(`the response is handled in a .then() callback at line ${lineOf(climbed.thenCall.node)} that does more than read the token`, lineOf(climbed.thenCall.node));
    if (climbed.flow.stage === 'token') {
      into.terminals.push(climbed);
      continue;
    }
    const parent = climbed.top.parent?.node as AnyNode | undefined;
    const field = isMember(parent) && parent!.object === climbed.top.node ? memberName(parent!) : undefined;
    if (field && config.expiryFields.includes(field) && !climbed.flow.promise) {
      into.expiryStatements.push(expiryStatement(climbed.top, field));
      continue;
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === climbed.top.node) {
      collectDeclarator(j, climbed.top.parent as NodePath, climbed.flow, config, into);
      continue;
    }
    const line = lineOf(ref.node);
    throw new ManualStepError(`the ${flow.stage} of the token request is also used at line ${line} (\`${shorten(sourceOf(j, (climbed.top.parent as NodePath).node))}\`)`, line);
  }
}

function expiryStatement(at: NodePath, field: string): NodePath {
  const statement = enclosingStatement(at);
  const node = statement?.node;
  if (!statement || !node || node.type !== 'ExpressionStatement' || node.expression.type !== 'AssignmentExpression') {
    throw new ManualStepError(`the response's ${field} is used at line ${lineOf(at.node)} in a way the helper cannot replace; the helper tracks expiry itself`, lineOf(at.node));
  }
  return statement;
}

/** A declarator whose init carries the flow: a plain variable or a destructuring pattern. */
function collectDeclarator(j: JSCodeshift, declarator: NodePath, flow: Flow, config: FlowConfig, into: Collected): void {
  const id = declarator.node.id;
  if (flow.promise && id.type !== 'Identifier') throw new ManualStepError('a pending request is destructured', lineOf(id));
  if (id.type === 'Identifier') {
    into.glue.push(declarator);
    collectBinding(j, declarator.get('id') as NodePath, flow, config, into);
    return;
  }
  if (id.type !== 'ObjectPattern') throw new ManualStepError('unsupported destructuring of the token response', lineOf(id));
  const reach = patternReach(id, flow, config);
  if (!reach) throw new ManualStepError(`the token response is destructured into more than the token (\`${shorten(sourceOf(j, id))}\`)`, lineOf(id));
  for (const expiryName of reach.expiry) collectExpiryVariable(j, declarator, expiryName, into);
  if ('tokenName' in reach) {
    into.tokenDeclarators.push({ declarator, name: reach.tokenName });
    return;
  }
  // `const { data } = await axios.post(...)`: keep following `data`.
  into.glue.push(declarator);
  const inner = j(declarator as any).find(j.Identifier, { name: reach.bindingName }).filter((p: any) => p.parent.node.value === p.node).paths()[0] as NodePath;
  collectBinding(j, inner, reach.flow, config, into);
}

function collectExpiryVariable(j: JSCodeshift, declarator: NodePath, name: string, into: Collected): void {
  const scope = (declarator as any).scope.lookup(name);
  for (const ref of referencesOf(j, scope, name)) {
    if (isWithin(ref, declarator)) continue;
    into.expiryStatements.push(expiryStatement(ref, name));
  }
}

/** A one-line excerpt for a message; string contents are elided (they may be credentials). */
function shorten(text: string): string {
  const oneLine = text.replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '$1…$1').replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** A planned rewrite: apply() mutates the AST; `removed` lists original nodes whose names may now be unused. */
export interface RewritePlan {
  apply(): void;
  removed: AnyNode[];
}

/**
 * Plan the rewrite of one token request `call` (the CallExpression path) so every token read gets
 * the helper's token. Throws ManualStepError when a shape cannot be rewritten safely.
 */
export function planTokenRewrite(j: JSCodeshift, call: NodePath, config: FlowConfig): RewritePlan {
  const start = climb(j, call, { stage: 'response', promise: true }, config);
  const { top, flow } = start;
  if (flow.stage === 'token') {
    return { removed: [top.node], apply: () => { top.replace(helperCall(j, !flow.promise)); } };
  }
  const into: Collected = { terminals: [], tokenDeclarators: [], glue: [], guards: [], expiryStatements: [] };
  if (start.thenCall) return planThenCallback(j, start, config, into);
  const parent = top.parent?.node as AnyNode;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== top.node) {
    throw new ManualStepError(describeUnsupportedUse(parent), lineOf(call.node));
  }
  const siteDeclarator = top.parent as NodePath;
  collectDeclarator(j, siteDeclarator, flow, config, into);
  assertExpiryStatementsKeepNoTokenRead(into);
  const reads = into.terminals.length + into.tokenDeclarators.length;
  if (reads === 0) throw new ManualStepError('the token of this request is never read in a way the transform recognises', lineOf(call.node));
  const siteFunction = enclosingFunction(siteDeclarator)?.node ?? null;
  const single = reads === 1 ? (into.terminals[0]?.top ?? into.tokenDeclarators[0]!.declarator) : null;
  if (single && (enclosingFunction(single)?.node ?? null) === siteFunction) return planCollapse(j, into);
  return planRebind(j, siteDeclarator, flow, into);
}

function describeUnsupportedUse(parent: AnyNode | undefined): string {
  if (parent?.type === 'ReturnStatement' || parent?.type === 'ArrowFunctionExpression') return 'the function returns the whole sign-in response; its callers read the token: make them call getAxeptioAccessToken()';
  if (parent?.type === 'AssignmentExpression') return 'the sign-in response is assigned to an existing variable or property; rewrite its token reads to getAxeptioAccessToken()';
  if (parent?.type === 'ExpressionStatement') return 'the sign-in response is not read here (the token is obtained elsewhere, e.g. a cookie or interceptor)';
  return 'the sign-in response is used in a shape the transform does not rewrite';
}

/** One token read in the same function: it becomes the helper call; everything in between goes. */
function planCollapse(j: JSCodeshift, into: Collected): RewritePlan {
  const terminal = into.terminals[0];
  const tokenDeclarator = into.tokenDeclarators[0];
  const awaitedRead = terminal ? !terminal.flow.promise : true;
  const at = terminal ? terminal.top : tokenDeclarator!.declarator;
  if (awaitedRead && !canAwaitAt(at)) throw new ManualStepError('the token is read where `await` is not allowed', lineOf(at.node));
  const removedPaths = [...into.glue, ...into.guards, ...into.expiryStatements].filter((p) => p !== tokenDeclarator?.declarator);
  return {
    removed: [...removedPaths.map((p) => p.node), ...(terminal ? [terminal.top.node] : []), ...(tokenDeclarator ? [tokenDeclarator.declarator.node.init] : [])],
    apply: () => {
      if (terminal) terminal.top.replace(helperCall(j, awaitedRead));
      if (tokenDeclarator) {
        tokenDeclarator.declarator.get('id').replace(j.identifier(tokenDeclarator.name));
        tokenDeclarator.declarator.get('init').replace(helperCall(j, true));
      }
      pruneAll(removedPaths);
    },
  };
}

/** Several token reads: the first variable becomes the token itself; reads use it. */
function planRebind(j: JSCodeshift, siteDeclarator: NodePath, flow: Flow, into: Collected): RewritePlan {
  if (flow.promise) throw new ManualStepError('the pending sign-in request is stored and awaited in several places', lineOf(siteDeclarator.node));
  const name = tokenVariableName(siteDeclarator, into);
  const ownDeclarator = into.tokenDeclarators.find((t) => t.declarator === siteDeclarator);
  const removedPaths = [...into.glue, ...into.guards, ...into.expiryStatements].filter((p) => p !== siteDeclarator);
  return {
    removed: [siteDeclarator.node.init, ...removedPaths.map((p) => p.node), ...into.terminals.map((t) => t.top.node)],
    apply: () => {
      for (const t of into.terminals) t.top.replace(j.identifier(name));
      for (const t of into.tokenDeclarators) {
        if (t === ownDeclarator) continue;
        if (t.name === name) removedPaths.push(t.declarator);
        else t.declarator.replace(j.variableDeclarator(j.identifier(t.name), j.identifier(name)));
      }
      siteDeclarator.get('id').replace(j.identifier(name));
      siteDeclarator.get('init').replace(helperCall(j, true));
      pruneAll(removedPaths);
    },
  };
}

/** `request.then((res) => { ...res.data.token... })`: the callback receives the token instead. */
function planThenCallback(j: JSCodeshift, start: Climbed, config: FlowConfig, into: Collected): RewritePlan {
  const thenCall = start.thenCall!;
  const paramPath = thenCall.get('arguments', 0, 'params', 0) as NodePath;
  const settled: Flow = { stage: start.flow.stage, promise: false };
  const param = paramPath.node;
  let name: string;
  if (param.type === 'ObjectPattern') {
    const reach = patternReach(param, settled, config);
    if (!reach || !('tokenName' in reach) || reach.expiry.length) throw new ManualStepError('the .then() callback destructures more than the token', lineOf(param));
    name = reach.tokenName;
  } else if (param.type === 'Identifier') {
    collectBinding(j, paramPath, settled, config, into);
    if (into.terminals.length + into.tokenDeclarators.length === 0) throw new ManualStepError('the .then() callback never reads the token', lineOf(param));
    name = tokenVariableName(paramPath, into);
  } else {
    throw new ManualStepError('unsupported .then() callback parameter', lineOf(param));
  }
  assertExpiryStatementsKeepNoTokenRead(into);
  const removedPaths = [...into.glue, ...into.guards, ...into.expiryStatements];
  return {
    removed: [start.top.node, ...removedPaths.map((p) => p.node)],
    apply: () => {
      for (const t of into.terminals) t.top.replace(j.identifier(name));
      for (const t of into.tokenDeclarators) {
        if (t.name === name) removedPaths.push(t.declarator);
        else t.declarator.replace(j.variableDeclarator(j.identifier(t.name), j.identifier(name)));
      }
      paramPath.replace(j.identifier(name));
      start.top.replace(helperCall(j, false));
      pruneAll(removedPaths);
    },
  };
}

/** An expiry statement that also stores the token (`session = { token, expiresAt }`) cannot just go. */
function assertExpiryStatementsKeepNoTokenRead(into: Collected): void {
  for (const statement of into.expiryStatements) {
    if (into.terminals.some((t) => isWithin(t.top, statement))) {
      throw new ManualStepError(`line ${lineOf(statement.node)} stores the token together with its expiry; the helper tracks expiry itself: store nothing and call getAxeptioAccessToken() where the token is used`, lineOf(statement.node));
    }
  }
}

function tokenVariableName(at: NodePath, into: Collected): string {
  if (into.tokenDeclarators.length === 1 && into.terminals.length === 0) return into.tokenDeclarators[0]!.name;
  for (const candidate of ['token', 'accessToken', 'axeptioToken', 'axeptioAccessToken']) {
    if (!isNameTaken(at, candidate) || into.tokenDeclarators.some((t) => t.name === candidate)) return candidate;
  }
  return 'axeptioAccessTokenValue';
}

function pruneAll(paths: NodePath[]): void {
  const seen = new Set<AnyNode>();
  for (const p of paths) {
    if (seen.has(p.node)) continue;
    seen.add(p.node);
    removeKeepingHeader(p);
  }
}
