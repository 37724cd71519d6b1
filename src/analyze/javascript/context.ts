/** Where a request sits: browser code, a test, a human-driven login, a per-request helper. */
import { ts, type TS } from './typescript.js';
import { resolve } from './scope.js';
import { accessChain, unwrap } from './source.js';

const BROWSER_MODULES = /^(react|react-dom|react-dom\/client|vue|svelte|preact|solid-js|@angular\/core|next\/navigation|next\/router|next\/link|@remix-run\/react|nuxt\/app|#app|\$app\/.*)$/;
const FRONTEND_FOLDER = /(^|\/)(src\/)?(components|pages|app|views|containers|hooks|composables|routes)\//;
const TEST_PATH = /(^|\/)(test|tests|__tests__|__mocks__|spec|specs|e2e|cypress|playwright)\/|\.(test|spec|e2e|cy)\.[cm]?[jt]sx?$/i;
const TEST_BLOCKS = new Set(['describe', 'it', 'test', 'beforeEach', 'beforeAll', 'afterEach', 'afterAll', 'before', 'after', 'suite', 'context', 'fit', 'xit', 'xdescribe']);

/** Is the file a test by its path? */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** Is the file shipped to browsers (imports, 'use client', DOM globals, component files, JSX under front-end folders)? */
export function isBrowserFile(path: string, kind: string, text: string, imports: readonly string[], hasJsx: boolean): boolean {
  if (kind === 'vue' || kind === 'svelte') return true;
  if (/\.(jsx|tsx)$/i.test(path) && hasJsx) return true;
  if (imports.some((m) => BROWSER_MODULES.test(m))) return true;
  if (/^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(text)) return true;
  if (/\b(?:window|document|localStorage|sessionStorage)\s*\.\s*\w/.test(text) && !/\btypeof\s+window\b/.test(text)) return true;
  return hasJsx && FRONTEND_FOLDER.test(path);
}

/** Inside a describe/it/test callback? */
export function inTestBlock(node: TS.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n)) {
      const { root, members } = accessChain(n.expression);
      const name = ts.isIdentifier(root) ? root.text : undefined;
      if (name && TEST_BLOCKS.has(name) && members.every((m) => ['only', 'skip', 'each', 'concurrent', 'todo'].includes(m))) return true;
    }
  }
  return false;
}

const HUMAN_SOURCE =
  /\b(?:e|ev|evt|event)\.(?:target|currentTarget)\b|\bthis\.\w*[fF]orm\b|\b\w*[fF]orm(?:Data|Values|State)?\.(?:value|values|get|email|username|password)\b|\bprompt\s*\(|\b(?:req|request)\.body\b|\bctx\.request\.body\b|\banswers?\.\w|\bvalues\.\w|\binquirer\b|\breadline\w*\.question|\brl\.question|\.question\s*\(|\bgetElementById\b|\bquerySelector\b|\brefs?\.\w+\.value\b|\$refs\b/;

/** Do the credential values come from a human (form state, event target, prompt, readline, req.body)? */
export function isInteractiveValue(expr: TS.Expression, depth = 0): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  if (HUMAN_SOURCE.test(e.getText())) return true;
  if (ts.isIdentifier(e)) {
    const d = resolve(e);
    if (d?.kind === 'var' && d.init) {
      const init = unwrap(d.init);
      // const [email, setEmail] = useState(''); const email = ref(''); let password = $state('')
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && /^(useState|useRef|ref|reactive|\$state|signal|useForm|useInput|useField)$/.test(init.expression.text)) return true;
      return isInteractiveValue(init, depth + 1);
    }
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const { root } = accessChain(e);
    if (ts.isIdentifier(root)) return isInteractiveValue(root, depth + 1);
  }
  if (ts.isAwaitExpression(e)) return isInteractiveValue(e.expression, depth + 1);
  return false;
}

/** Inside an axios request interceptor or an Angular HttpInterceptor's intercept()? */
export function inRequestInterceptor(node: TS.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && accessChain(n.expression).members.join('.').endsWith('interceptors.request.use')) return true;
    if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'intercept') return true;
  }
  return false;
}

const ITERATING_CALLS = new Set(['forEach', 'map', 'flatMap', 'reduce', 'filter', 'some', 'every', 'mapSeries', 'eachSeries', 'each']);

/** Inside a loop, an iteration callback (`items.forEach`, `Promise.all(xs.map(...))`) or a self-recursive function. */
export function inLoop(node: TS.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n)) return true;
    if (ts.isFunctionLike(n)) {
      const call = n.parent;
      if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ITERATING_CALLS.has(call.expression.name.text)) return true;
      if (isSelfRecursive(n)) return true;
      // Stop at the first named function: loops in its callers are not visible here.
      if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) return false;
    }
  }
  return false;
}

function isSelfRecursive(fn: TS.Node): boolean {
  const name = (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name ? fn.name.text : ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  if (!name) return false;
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const { root, members } = accessChain(n.expression);
      if ((members.length === 0 && ts.isIdentifier(root) && root.text === name) || (members.length === 1 && root.kind === ts.SyntaxKind.ThisKeyword && members[0] === name)) found = true;
    }
    n.forEachChild(visit);
  };
  visit(fn);
  return found;
}
