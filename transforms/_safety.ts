/**
 * Where a transform must not go. A client secret must never reach code shipped to browsers, and a
 * login that forwards what a person typed is a different feature, not a machine integration.
 */
import type { AnyNode, NodePath } from './_ast.ts';

const FRONTEND_IMPORT = /^(react|react-dom|react-[\w-]+|@tanstack\/(react|vue|svelte|solid)-[\w-]+|preact|vue|@vue\/[\w-]+|nuxt|@angular\/|svelte|solid-js|swr|@remix-run\/react|next\/(router|navigation|link|image))(\/|$)/;
/** Env var prefixes that bundlers inline into browser bundles. */
const BROWSER_ENV = /\b(NEXT_PUBLIC_|REACT_APP_|VITE_|NUXT_PUBLIC_|PUBLIC_|GATSBY_)[A-Z0-9_]+/;
const FRONTEND_FOLDER = /(^|\/)(frontend|front-end|front|client|browser|public|static|www|components|pages\/components|widgets|ui)\//i;
const FRONTEND_EXT = /\.(jsx|vue|svelte|astro)$/i;

/** Why this file is browser code, or null when it is not (server, script, CLI). */
export function browserCodeReason(filePath: string, source: string, program: AnyNode): string | null {
  const posix = filePath.replace(/\\/g, '/');
  if (FRONTEND_EXT.test(posix)) return 'browser component file';
  if (FRONTEND_FOLDER.test(posix)) return 'file lives in a front-end folder';
  const directives: AnyNode[] = program.directives ?? [];
  if (directives.some((d) => d.value?.value === 'use client')) return "'use client' module";
  for (const statement of program.body as AnyNode[]) {
    if (statement.type === 'ImportDeclaration' && FRONTEND_IMPORT.test(String(statement.source.value))) {
      return `imports ${statement.source.value} (browser code)`;
    }
  }
  if (/\b(window|document|localStorage|sessionStorage)\s*\.\s*[A-Za-z_]/.test(source)) return 'uses window/document (browser code)';
  if (BROWSER_ENV.test(source)) return `reads ${BROWSER_ENV.exec(source)![1]}* variables, which bundlers ship to browsers`;
  if (/\.(tsx|jsx)$/.test(posix)) return 'JSX/TSX component file';
  return null;
}

const HUMAN_INPUT = /\b(req|request|ctx\.request|event\.target|e\.target)\.body\b|\bnew FormData\b|\bformData\b|\bprompt\s*\(|\.question\s*\(|\binquirer\b|\breadline\b|\bevent\.target\b/;

/** Why the credentials of this call come from a person (a login form or a forwarded request body), or null. */
export function interactiveLoginReason(callText: string, enclosingFunctionText: string): string | null {
  if (HUMAN_INPUT.test(callText)) return 'the credentials come from user input (a login form or req.body): an interactive login, not a machine integration';
  if (HUMAN_INPUT.test(enclosingFunctionText)) return 'the surrounding function handles user input (req.body, a form or a prompt): an interactive login, not a machine integration';
  return null;
}

const LOCAL_HOST = /^(https?:)?\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])([:/]|$)/i;

/**
 * Whether a legacy-looking call really targets Axeptio. `axeptioTie` is evidence found in the URL,
 * the client's base URL or the file (an axept.io host, an AXEPTIO_* variable, an Axeptio-named
 * identifier). Without it, only an absolute URL to an unknown host still counts (the scanner's
 * "medium"); localhost and same-origin paths are look-alikes: the app's own API.
 */
export function isAxeptioTarget(urlText: string, axeptioTie: boolean): boolean {
  if (axeptioTie) return true;
  if (LOCAL_HOST.test(urlText)) return false;
  // A same-origin path with no base: the app calls its own backend.
  return !urlText.startsWith('/');
}

/** Axeptio evidence in a piece of text: host, env var, identifier or package name. */
export function mentionsAxeptio(text: string): boolean {
  return /axept\.io|axeptio/i.test(text);
}

/** Whether the file defines server routes for the legacy path itself (the app's own login). */
export function definesOwnSigninRoute(source: string): boolean {
  return /\.(post|route|all)\s*\(\s*['"`][^'"`]*\/auth\/local\/signin['"`]\s*,/.test(source) && /\b(express|fastify|koa|Router|@nestjs)\b/.test(source)
    || /@Post\(\s*['"`][^'"`]*signin/.test(source);
}

/** Whether `path` sits inside a request handler `(req, res) => ...` of a server framework. */
export function insideRequestHandler(path: NodePath): boolean {
  let current: NodePath | null = path.parent;
  while (current) {
    const node = current.node;
    if (node.params && node.params.length >= 2) {
      const names = node.params.map((p: AnyNode) => (p.type === 'Identifier' ? p.name : ''));
      if ((names[0] === 'req' || names[0] === 'request') && (names[1] === 'res' || names[1] === 'reply' || names[1] === 'response')) return true;
    }
    current = current.parent;
  }
  return false;
}
