/**
 * Recognising an HTTP request in JS/TS the way the scanner does: which client makes it (fetch,
 * axios and its instances, got, ky, superagent, request-promise, project wrappers), and the URL it
 * targets (folded from literals, templates, constants and an instance's base URL).
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, type NodePath, constInitOf, isMember, memberName, sourceOf, staticText } from './_ast.ts';
import type { ClientShape } from './_token-flow.ts';
import { requireSource } from './_helper-import.ts';

export interface RequestCall {
  path: NodePath;
  shape: ClientShape;
  /** Folded URL text (placeholders kept as `${...}`). */
  url: string;
  /** Folded base URL of the client instance, if any. */
  base: string;
  /** Source text of the URL and base expressions (identifier names are Axeptio evidence too). */
  evidenceText: string;
  /** The request passes a callback (callback-style `request`): not a promise flow. */
  callbackStyle: boolean;
}

const LIBRARIES: Record<string, ClientShape> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  superagent: 'superagent',
  request: 'request',
  'request-promise': 'request',
  'request-promise-native': 'request',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  undici: 'fetch',
};
const METHODS = new Set(['post', 'put', 'patch', 'get', 'request', 'fetch']);

/** Module-level names bound to an HTTP client library, by import or require. */
export function clientModuleNames(j: JSCodeshift, root: Collection<any>): Map<string, ClientShape> {
  const names = new Map<string, ClientShape>();
  root.find(j.ImportDeclaration).forEach((p: any) => {
    const shape = LIBRARIES[String(p.node.source.value)];
    if (!shape) return;
    for (const s of p.node.specifiers ?? []) {
      if (shape === 'fetch' && s.type === 'ImportSpecifier' && s.imported.name !== 'fetch') continue;
      names.set(s.local.name, shape);
    }
  });
  root.find(j.VariableDeclarator).forEach((p: any) => {
    const source = p.node.init && requireSource(p.node.init);
    const shape = source ? LIBRARIES[source] : undefined;
    if (!shape) return;
    if (p.node.id.type === 'Identifier') names.set(p.node.id.name, shape);
    if (p.node.id.type === 'ObjectPattern') for (const prop of p.node.id.properties) if (prop.value?.type === 'Identifier') names.set(prop.value.name, shape);
  });
  return names;
}

/** Describe `path` (a CallExpression) as an HTTP request, or null if it is not one we know. */
export function describeRequest(j: JSCodeshift, path: NodePath, modules: Map<string, ClientShape>, hinted = false): RequestCall | null {
  const node = path.node;
  const callee = node.callee;
  const args = node.arguments as AnyNode[];
  let shape: ClientShape | null = null;
  let urlNode: AnyNode | undefined;
  let baseNode: AnyNode | undefined;
  if (callee.type === 'Identifier') {
    if (callee.name === 'fetch') shape = 'fetch';
    else shape = modules.get(callee.name) ?? null;
    if (shape) urlNode = args[0]?.type === 'ObjectExpression' ? propertyValue(args[0], 'url') ?? propertyValue(args[0], 'uri') : args[0];
    else {
      // A project wrapper (`apiPost(path, body)`, `request('POST', path, body)`): the scanner links these to their definitions.
      const urlArg = args.find((a) => /\/auth\/local\/signin|\/identity\/resources\/auth\/v1\/api-token/.test(staticText(j, path, a)));
      if (urlArg || (hinted && args.length > 0)) {
        shape = 'generic';
        urlNode = urlArg ?? args[0];
      }
    }
  } else if (isMember(callee)) {
    const method = memberName(callee);
    const object = callee.object as AnyNode;
    if (object.type === 'Identifier' && ['globalThis', 'window', 'self', 'global'].includes(object.name) && method === 'fetch') {
      shape = 'fetch';
      urlNode = args[0];
    } else if (method && METHODS.has(method)) {
      if (object.type === 'CallExpression') return null; // supertest `request(app).post(...)`, nock scopes: the app's own routes.
      const handlerArg = args.slice(1).some((a) => a.type === 'FunctionExpression' || a.type === 'ArrowFunctionExpression' || a.type === 'Identifier');
      if (handlerArg && !modules.has(object.type === 'Identifier' ? object.name : '') && args.slice(1).some((a) => a.type !== 'ObjectExpression')) {
        // `app.post('/auth/local/signin', handler)`: a route definition, never a request.
        if (instanceOf(path, object, modules).shape === 'generic') return null;
      }
      const instance = instanceOf(path, object, modules);
      shape = instance.shape;
      baseNode = instance.base;
      urlNode = method === 'request' || args[0]?.type === 'ObjectExpression'
        ? (args[0] && (propertyValue(args[0], 'url') ?? propertyValue(args[0], 'uri')))
        : args[0];
      if (args[0]?.type === 'ObjectExpression' && !baseNode) baseNode = propertyValue(args[0], 'baseURL') ?? propertyValue(args[0], 'baseUrl');
    }
  }
  if (!shape || !urlNode) return null;
  const url = staticText(j, path, urlNode);
  const base = baseNode ? staticText(j, path, baseNode) : '';
  return {
    path,
    shape,
    url,
    base,
    evidenceText: `${sourceOf(j, urlNode)} ${baseNode ? sourceOf(j, baseNode) : ''} ${sourceOf(j, callee)}`,
    callbackStyle: args.some((a) => a.type === 'FunctionExpression' || a.type === 'ArrowFunctionExpression'),
  };
}

/** The client library behind `object` in `object.post(...)`: the library itself or an instance made from it. */
function instanceOf(path: NodePath, object: AnyNode, modules: Map<string, ClientShape>): { shape: ClientShape; base?: AnyNode } {
  if (object.type === 'Identifier') {
    const direct = modules.get(object.name);
    if (direct) return { shape: direct };
    const init = constInitOf(path, object.name);
    if (init?.type === 'CallExpression' && isMember(init.callee) && init.callee.object.type === 'Identifier') {
      const library = modules.get(init.callee.object.name);
      const factory = memberName(init.callee);
      if (library && (factory === 'create' || factory === 'extend' || factory === 'defaults')) {
        const config = init.arguments[0];
        const base = config?.type === 'ObjectExpression' ? propertyValue(config, 'baseURL') ?? propertyValue(config, 'prefixUrl') ?? propertyValue(config, 'baseUrl') : undefined;
        return { shape: library, base };
      }
    }
  }
  // this.http.post(...), client.post(...) with an unknown client: the flow shape is guessed from usage.
  return { shape: 'generic' };
}

/** The value of a non-computed property `key` of an object literal. */
export function propertyValue(object: AnyNode, key: string): AnyNode | undefined {
  if (object.type !== 'ObjectExpression') return undefined;
  for (const p of object.properties as AnyNode[]) {
    if ((p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed) {
      const name = p.key.type === 'Identifier' ? p.key.name : p.key.value;
      if (name === key) return p.value;
    }
  }
  return undefined;
}
