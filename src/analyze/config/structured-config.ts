/**
 * JSON/YAML configuration: app config (`axeptio: { username, password }`), docker-compose
 * `environment` (map and list forms), Kubernetes `env` (`value` vs `valueFrom`) and Secrets,
 * Helm values, GitHub Actions / GitLab CI `env`/`variables` and the curl commands of their scripts.
 */
import type { EnvReadFact, Fact } from '../../facts/types.js';
import { isPlaceholderValue } from '../../findings/redact.js';
import { shellRequestFacts } from '../collections/shell-requests.js';
import { configEntryFacts } from './config-entries.js';
import { child, textOf, type DocContext, type ScalarNode, type TreeNode } from './structured-tree.js';
import { isTemplatePath, type ValueKind } from './value-kind.js';


/** Keys whose arrays list environment variables (`- KEY=value` or `- name: KEY`). */
const ENV_LIST_KEYS = new Set(['environment', 'env', 'variables', 'envs', 'extraEnv', 'extraEnvVars', 'envVars']);
/** Keys whose strings are shell scripts (GitHub Actions `run`, GitLab `script`, compose `command`). */
const SCRIPT_KEYS = new Set(['run', 'script', 'before_script', 'after_script', 'command', 'commands', 'entrypoint', 'cmd', 'args', 'inlineScript']);

/** ISO 639-1 codes common as catalog names (`fr.json`, `pt-BR.yml`); `db.json` or `ci.yml` are not catalogs. */
const LANGUAGES = new Set('en fr de es it nl pt pl sv da fi nb no cs sk sl hr hu ro bg el ru uk tr ar he ja zh ko vi th id ms et lv lt ca eu gl'.split(' '));

/** Translation catalogs hold labels such as `"password": "Passwort"`, never credentials. */
export function isTranslationPath(path: string): boolean {
  if (/(?:^|\/)(?:locales?|i18n|l10n|lang|langs|translations?|messages)\//i.test(path)) return true;
  const base = /(?:^|\/)([a-z]{2})(?:[-_][A-Za-z]{2})?\.(?:json|ya?ml)$/.exec(path)?.[1];
  return base !== undefined && LANGUAGES.has(base);
}

/** Facts of one JSON/YAML configuration document. */
export function structuredConfigFacts(doc: TreeNode, ctx: DocContext): Fact[] {
  if (isTranslationPath(ctx.path)) return [];
  const facts: Fact[] = [];
  const template = isTemplatePath(ctx.path);
  const k8sSecret = textOf(child(doc, 'kind')) === 'Secret';
  const leaf = (keyPath: string[], start: number, end: number, value: ScalarNode | undefined, kind?: ValueKind): void => {
    let raw = value ? (textOf(value) ?? null) : null;
    let valueKind = kind;
    if (k8sSecret && keyPath[0] === 'data' && raw) {
      // Secret `data` is base64: judge the decoded value, never keep it.
      const decoded = Buffer.from(raw, 'base64').toString('utf8');
      valueKind = decoded.trim() === '' ? 'empty' : isPlaceholderValue(decoded) ? 'placeholder' : 'literal';
      raw = valueKind === 'literal' ? raw : decoded;
    }
    facts.push(
      ...configEntryFacts({
        keyPath: keyPath.join('.'),
        // The key's line only: a multi-line entry's value lines (and any secret on them) stay out of excerpts.
        span: ctx.index.firstLineSpan(start, end),
        value: raw,
        valueSpan: value && value.valueEnd > value.valueStart ? ctx.index.span(value.valueStart, value.valueEnd) : undefined,
        valueKind,
        format: ctx.format,
        template,
        axeptioContext: false,
      }),
    );
  };
  const script = (node: TreeNode): void => {
    if (node.type === 'array') for (const item of node.items) script(item);
    else if (node.type === 'scalar' && typeof node.value === 'string') {
      const requests = shellRequestFacts(ctx.text, ctx.index, node.start, node.end);
      facts.push(...requests);
      // Variables a recognized request sends are part of that request's finding already.
      const requestLines = new Set(requests.flatMap((r) => (r.kind === 'file-evidence' ? [] : Array.from({ length: r.span.endLine - r.span.line + 1 }, (_, i) => r.span.line + i))));
      facts.push(...axeptioEnvReads(ctx, node.start, node.end).filter((r) => !requestLines.has(r.span.line)));
    }
  };
  const walk = (node: TreeNode, path: string[]): void => {
    if (node.type === 'array') {
      for (const item of node.items) walk(item, path);
      return;
    }
    if (node.type !== 'object') return;
    for (const e of node.entries) {
      const keyPath = [...path, e.key];
      if (SCRIPT_KEYS.has(e.key)) {
        script(e.value);
        continue;
      }
      if (e.value.type === 'scalar') leaf(keyPath, e.keyStart, e.value.end, e.value);
      else if (e.value.type === 'array' && ENV_LIST_KEYS.has(e.key)) envList(e.value, keyPath, leaf, walk);
      else if (e.value.type === 'object' && path[path.length - 1] === 'variables' && child(e.value, 'value')?.type === 'scalar') {
        // GitLab CI: `VAR: { value: x, description: y }`.
        leaf(keyPath, e.keyStart, e.value.end, child(e.value, 'value') as ScalarNode);
      } else walk(e.value, keyPath);
    }
  };
  walk(doc, []);
  return facts;
}

type Leaf = (keyPath: string[], start: number, end: number, value: ScalarNode | undefined, kind?: ValueKind) => void;

/** `- KEY=value` / `- KEY` (compose) and `- name: KEY` + `value`/`valueFrom` (Kubernetes) items. */
function envList(list: TreeNode & { type: 'array' }, path: string[], leaf: Leaf, walk: (n: TreeNode, p: string[]) => void): void {
  for (const item of list.items) {
    if (item.type === 'scalar' && typeof item.value === 'string') {
      const eq = item.value.indexOf('=');
      const key = (eq === -1 ? item.value : item.value.slice(0, eq)).trim();
      if (!/^[A-Za-z_][\w.-]*$/.test(key)) continue;
      if (eq === -1) {
        leaf([...path, key], item.start, item.end, undefined, 'reference');
        continue;
      }
      // The value's offsets inside the scalar (same text when the scalar is plain or simply quoted).
      const valueStart = item.valueStart + eq + 1;
      const value: ScalarNode = { ...item, value: item.value.slice(eq + 1), valueStart, valueEnd: Math.max(valueStart, item.valueEnd) };
      leaf([...path, key], item.start, item.end, value);
    } else if (item.type === 'object' && textOf(child(item, 'name'))) {
      const name = textOf(child(item, 'name'))!;
      const nameEntry = item.entries.find((x) => x.key === 'name')!;
      const value = child(item, 'value');
      const from = child(item, 'valueFrom');
      const end = Math.max(nameEntry.value.end, value?.end ?? 0, from?.end ?? 0);
      if (from) leaf([...path, name], nameEntry.keyStart, end, undefined, 'reference');
      else leaf([...path, name], nameEntry.keyStart, end, value?.type === 'scalar' ? value : undefined, value ? undefined : 'empty');
    } else walk(item, path);
  }
}

/** `$AXEPTIO_PASSWORD`, `${AXEPTIO_USERNAME}`, `${{ secrets.AXEPTIO_PASSWORD }}` read by a script outside recognized requests. */
function axeptioEnvReads(ctx: DocContext, from: number, to: number): EnvReadFact[] {
  const out: EnvReadFact[] = [];
  const first = ctx.index.position(from).line;
  const last = ctx.index.position(Math.max(from, to - 1)).line;
  for (let line = first; line <= last; line++) {
    const content = ctx.index.lineText(line);
    for (const m of content.matchAll(/\$\{\{\s*(?:secrets|env|vars)\.(AXEPTIO_\w+)\s*\}\}|\$\{?(AXEPTIO_\w+)\}?/g)) {
      const name = m[1] ?? m[2]!;
      out.push({ kind: 'env-read', span: { line, column: m.index! + 1, endLine: line, endColumn: m.index! + m[0].length + 1 }, name });
    }
  }
  return out;
}
