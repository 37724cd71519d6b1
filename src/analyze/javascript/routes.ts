/**
 * Server route definitions (the app's own endpoints): Express/Koa-router/Fastify/Hono method calls
 * with handlers, `fastify.route({ url })`, hapi `server.route({ path })`, NestJS @Controller/@Post,
 * and passport local strategies. These are never requests.
 */
import { ts, type TS } from './typescript.js';
import type { RouteFact } from '../../facts/types.js';
import { fold, textOf } from './fold.js';
import type { InstanceRegistry } from './instances.js';
import { instanceOf } from './instances.js';
import { configProperty } from './payload.js';
import { HTTP_METHODS } from './requests.js';
import { moduleOf, resolve } from './scope.js';
import { accessChain, unwrap } from './source.js';

const ROUTER_NAME = /^(?:app|router|server|fastify|routes?|\w*Router|koa|hono|instance)$/;
const ROUTER_FACTORY = /^(?:express|Router|fastify|Fastify|Koa|Hono|Elysia|polka|restify\.createServer|createServer)$/;
const CLIENT_MODULES = new Set(['http', 'https', 'node:http', 'node:https', 'axios', 'got', 'ky', 'superagent', 'request', 'request-promise', 'request-promise-native', 'undici', 'node-fetch', 'jquery', 'supertest']);
const CLIENT_GLOBALS = new Set(['$', 'jQuery', 'axios', 'superagent', 'ky']);
const ROUTE_METHODS = new Set([...HTTP_METHODS, 'all']);

/** A route defined by this call, if it is one. */
export function routeOf(call: TS.CallExpression, reg: InstanceRegistry): Omit<RouteFact, 'span'> | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = unwrap(callee.expression);
  const { root } = accessChain(receiver);
  if (ts.isIdentifier(root)) {
    const mod = moduleOf(root);
    if (mod && CLIENT_MODULES.has(mod.from)) return undefined;
    if (!mod && !resolve(root) && CLIENT_GLOBALS.has(root.text)) return undefined;
  }
  if (instanceOf(reg, receiver)) return undefined;
  const framework = frameworkOf(receiver);

  // fastify.route({ method, url, handler }) / server.route({ method, path, handler })
  if (method === 'route' && call.arguments.length === 1) {
    const cfg = call.arguments[0]!;
    const pathExpr = configProperty(cfg, 'url', 'path');
    const handler = configProperty(cfg, 'handler');
    if (!pathExpr || !handler) return undefined;
    const path = textOf(fold(pathExpr));
    if (path === undefined) return undefined;
    const m = configProperty(cfg, 'method');
    return { kind: 'route', method: m ? textOf(fold(m))?.toUpperCase() : undefined, path, framework: framework ?? (configProperty(cfg, 'url') ? 'fastify' : 'hapi') };
  }
  if (!ROUTE_METHODS.has(method)) return undefined;
  const args = call.arguments;
  // app.route('/x').post(handler)
  if (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'route' && args.length >= 1) {
    const p = receiver.arguments[0];
    const path = p ? textOf(fold(p)) : undefined;
    if (path !== undefined && args.every(isHandlerLike)) return { kind: 'route', method: method.toUpperCase(), path, framework: framework ?? 'express' };
    return undefined;
  }
  if (args.length < 2) return undefined;
  const path = textOf(fold(args[0]!));
  if (path === undefined || !(path.startsWith('/') || path === '' || path === '*')) return undefined;
  const handlers = args.slice(1);
  const hasFunction = handlers.some((a) => ts.isFunctionLike(unwrap(a)));
  const receiverName = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : '';
  const routerish = framework !== undefined || ROUTER_NAME.test(receiverName);
  if (!routerish && !hasFunction) return undefined;
  // The last argument is the handler; middleware before it may be calls (passport.authenticate('local')).
  const last = unwrap(handlers[handlers.length - 1]!);
  if (!isHandlerLike(last)) return undefined;
  // `api.post('/login', body)` with a plain object/array body is a request, not a route.
  if (!hasFunction && !routerish) return undefined;
  if (handlers.some((a) => ts.isObjectLiteralExpression(unwrap(a))) && !hasFunction && !framework) return undefined;
  return { kind: 'route', method: method === 'all' ? undefined : method.toUpperCase(), path, framework: framework ?? 'express' };
}

function isHandlerLike(expr: TS.Expression): boolean {
  const e = unwrap(expr);
  return ts.isFunctionLike(e) || ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isCallExpression(e) || ts.isArrayLiteralExpression(e);
}

/** The server framework a receiver was created from (`const app = express()`, `const router = new Router()`). */
function frameworkOf(receiver: TS.Expression): string | undefined {
  const e = unwrap(receiver);
  if (!ts.isIdentifier(e)) return undefined;
  const mod = moduleOf(e);
  if (mod) return /fastify/.test(mod.from) ? 'fastify' : /koa/.test(mod.from) ? 'koa' : /express/.test(mod.from) ? 'express' : undefined;
  const d = resolve(e);
  if (d?.kind !== 'var' || !d.init) return e.text === 'fastify' ? 'fastify' : undefined;
  let init = unwrap(d.init);
  if (ts.isAwaitExpression(init)) init = unwrap(init.expression);
  if (!ts.isCallExpression(init) && !ts.isNewExpression(init)) return undefined;
  const { root, members } = accessChain(init.expression);
  const name = [ts.isIdentifier(root) ? root.text : '', ...members].join('.');
  if (!ROUTER_FACTORY.test(name) && !/^express\.Router$/.test(name)) return undefined;
  const from = ts.isIdentifier(root) ? moduleOf(root)?.from : undefined;
  if (/fastify/i.test(name) || from?.includes('fastify')) return 'fastify';
  if (/koa/i.test(from ?? '') || name === 'Koa') return 'koa';
  if (/hono/i.test(from ?? name)) return 'hono';
  return 'express';
}

const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);

/** NestJS routes: `@Controller('auth/local')` + `@Post('signin')` → POST /auth/local/signin. */
export function nestRoutesOf(cls: TS.ClassLikeDeclaration): Array<{ node: TS.MethodDeclaration; route: Omit<RouteFact, 'span'> }> {
  const ctrl = decoratorCall(cls, 'Controller');
  if (!ctrl) return [];
  const prefix = decoratorPath(ctrl);
  const out: Array<{ node: TS.MethodDeclaration; route: Omit<RouteFact, 'span'> }> = [];
  for (const m of cls.members) {
    if (!ts.isMethodDeclaration(m)) continue;
    for (const name of NEST_METHODS) {
      const dec = decoratorCall(m, name);
      if (!dec) continue;
      const path = '/' + [prefix, decoratorPath(dec)].filter(Boolean).join('/').replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/');
      out.push({ node: m, route: { kind: 'route', method: name === 'All' ? undefined : name.toUpperCase(), path, framework: 'nest' } });
    }
  }
  return out;
}

function decoratorCall(node: TS.Node, name: string): TS.CallExpression | undefined {
  const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  for (const d of decorators) {
    const e = d.expression;
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === name) return e;
  }
  return undefined;
}

function decoratorPath(call: TS.CallExpression): string {
  const arg = call.arguments[0];
  if (!arg) return '';
  const obj = unwrap(arg);
  const pathExpr = ts.isObjectLiteralExpression(obj) ? configProperty(obj, 'path') : arg;
  return (pathExpr && textOf(fold(pathExpr))) ?? '';
}

/** `passport.use(new LocalStrategy(...))` / `new Strategy()` from passport-local: the app defines its own login. */
export function isLocalStrategy(node: TS.NewExpression): boolean {
  const { root } = accessChain(node.expression);
  if (!ts.isIdentifier(root)) return false;
  const mod = moduleOf(root);
  if (mod) return mod.from === 'passport-local' || mod.from === 'passport-local-mongoose';
  return /^LocalStrategy$/.test(root.text);
}
