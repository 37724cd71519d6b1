/**
 * One tree shape for JSON and YAML documents, with source offsets, so every sniffer
 * (Postman, Insomnia, HAR, OpenAPI, compose, Kubernetes, CI, app config) is written once
 * and reports exact positions for both syntaxes.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { LineIndex } from '../line-index.js';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Node as YamlNode } from 'yaml';

/** A parsed document's file: path (for evidence), decoded text and its line index, and the format name facts report. */
export interface DocContext {
  path: string;
  text: string;
  index: LineIndex;
  format: string;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  type: 'scalar';
  start: number;
  end: number;
  value: ScalarValue;
  /** Offsets of the value without its quotes (what a secret span covers). */
  valueStart: number;
  valueEnd: number;
}
export interface ObjectNode {
  type: 'object';
  start: number;
  end: number;
  entries: TreeEntry[];
}
export interface ArrayNode {
  type: 'array';
  start: number;
  end: number;
  items: TreeNode[];
}
export type TreeNode = ScalarNode | ObjectNode | ArrayNode;

export interface TreeEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: TreeNode;
}

export interface ParsedDocuments {
  documents: TreeNode[];
  errors: string[];
}

/** Parse JSON (comments and trailing commas tolerated) into a tree; a broken file still yields its readable part. */
export function parseJsonTree(text: string): ParsedDocuments {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const messages = errors.slice(0, 3).map((e) => `JSON parse error at offset ${e.offset}: ${printParseErrorCode(e.error)}`);
  return { documents: root ? [fromJson(root)] : [], errors: messages };
}

function fromJson(node: JsonNode): TreeNode {
  const start = node.offset;
  const end = node.offset + node.length;
  if (node.type === 'object') {
    const entries: TreeEntry[] = [];
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      entries.push({ key: String(k.value), keyStart: k.offset, keyEnd: k.offset + k.length, value: fromJson(v) });
    }
    return { type: 'object', start, end, entries };
  }
  if (node.type === 'array') return { type: 'array', start, end, items: (node.children ?? []).map(fromJson) };
  const quoted = node.type === 'string';
  return {
    type: 'scalar',
    start,
    end,
    value: (node.value ?? null) as ScalarValue,
    valueStart: quoted ? start + 1 : start,
    valueEnd: quoted ? Math.max(start + 1, end - 1) : end,
  };
}

/** Parse every document of a YAML stream (Kubernetes manifests hold several) into trees. */
export function parseYamlTrees(text: string): ParsedDocuments {
  const docs = parseAllDocuments(text, { keepSourceTokens: true, uniqueKeys: false, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  const errors: string[] = [];
  const documents: TreeNode[] = [];
  for (const doc of list) {
    for (const e of doc.errors.slice(0, 2)) errors.push(`YAML parse error: ${e.message.split('\n')[0]}`);
    if (doc.contents) documents.push(fromYaml(doc.contents as YamlNode, text));
  }
  return { documents, errors };
}

function fromYaml(node: YamlNode | null | undefined, text: string, fallback = 0): TreeNode {
  if (!node || isAlias(node)) return emptyScalar(node?.range?.[0] ?? fallback);
  const [start, valueEnd] = node.range ?? [fallback, fallback];
  if (isMap(node)) {
    const entries: TreeEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!key || !isScalar(key)) continue;
      const [ks, ke] = key.range ?? [start, start];
      const value = pair.value as YamlNode | null;
      entries.push({ key: String(key.value), keyStart: ks, keyEnd: ke, value: value ? fromYaml(value, text, ke) : emptyScalar(ke) });
    }
    return { type: 'object', start, end: trimmedEnd(text, start, valueEnd), entries };
  }
  if (isSeq(node)) return { type: 'array', start, end: trimmedEnd(text, start, valueEnd), items: node.items.map((i) => fromYaml(i as YamlNode, text, start)) };
  if (isScalar(node)) {
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const raw = node.value;
    const value: ScalarValue =
      typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : String(raw);
    return {
      type: 'scalar',
      start,
      end: trimmedEnd(text, start, valueEnd),
      value,
      valueStart: quoted ? start + 1 : start,
      valueEnd: quoted ? Math.max(start + 1, valueEnd - 1) : trimmedEnd(text, start, valueEnd),
    };
  }
  return emptyScalar(start);
}

/** Plain and block scalars' ranges may include trailing blanks or the final newline. */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function emptyScalar(at: number): ScalarNode {
  return { type: 'scalar', start: at, end: at, value: null, valueStart: at, valueEnd: at };
}

/** The value of a key of an object node, if any. */
export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  if (node?.type !== 'object') return undefined;
  return node.entries.find((e) => e.key === key)?.value;
}

/** The entry (key + value) of an object node, if any. */
export function entryOf(node: TreeNode | undefined, key: string): TreeEntry | undefined {
  if (node?.type !== 'object') return undefined;
  return node.entries.find((e) => e.key === key);
}

/** A scalar's value as a string (numbers and booleans as written), undefined for objects/arrays/null. */
export function textOf(node: TreeNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** Items of an array node (empty for anything else). */
export function itemsOf(node: TreeNode | undefined): TreeNode[] {
  return node?.type === 'array' ? node.items : [];
}
