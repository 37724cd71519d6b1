/**
 * Module-level bindings other files may import: exported consts (strings, templates, object
 * literals flattened into members), re-exports, CommonJS exports, and HTTP client instances
 * (`axios.create`, `got.extend`, `ky.create`, `axios.defaults`), with their local evidence.
 */
import { ts, type TS } from './typescript.js';
import type { BindingFact, Evidence, SymbolicValue } from '../../facts/types.js';
import { type FoldNotes, fold } from './fold.js';
import { AXEPTIO_NAME, valueEvidence } from './evidence.js';
import type { InstanceRegistry } from './instances.js';
import { resolve, requiredModule } from './scope.js';
import { accessChain, propertyNameText, spanOf, unwrap, whereOf } from './source.js';

export interface ExportsInfo {
  /** Local name → names it is exported under. */
  byLocal: Map<string, Set<string>>;
  /** Exported values with no local binding (`export default {...}`, `exports.X = '...'`, re-exports). */
  inline: Array<{ name: string; node: TS.Node; expr?: TS.Expression; value?: SymbolicValue }>;
}

const isExported = (n: TS.Node): boolean => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (n: TS.Node): boolean => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** Everything the file exports, ESM and CommonJS. */
export function collectExports(sf: TS.SourceFile): ExportsInfo {
  const info: ExportsInfo = { byLocal: new Map(), inline: [] };
  const add = (local: string, as: string): void => {
    let set = info.byLocal.get(local);
    if (!set) info.byLocal.set(local, (set = new Set()));
    set.add(as);
  };
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s) && isExported(s)) {
      for (const d of s.declarationList.declarations) for (const id of boundIdentifiers(d.name)) add(id, id);
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name && isExported(s)) {
      add(s.name.text, isDefault(s) ? 'default' : s.name.text);
    } else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) {
        const local = (el.propertyName ?? el.name).text;
        if (s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier))
          info.inline.push({ name: el.name.text, node: el, value: [{ kind: 'ref', name: el.name.text, from: s.moduleSpecifier.text }] });
        else add(local, el.name.text);
      }
    } else if (ts.isExportAssignment(s)) {
      const e = unwrap(s.expression);
      if (ts.isIdentifier(e)) add(e.text, 'default');
      else info.inline.push({ name: 'default', node: s, expr: s.expression });
    } else if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      commonJsExport(s.expression, info, add);
    }
  }
  return info;
}

function commonJsExport(assign: TS.BinaryExpression, info: ExportsInfo, add: (local: string, as: string) => void): void {
  const { root, members } = accessChain(assign.left);
  if (!ts.isIdentifier(root) || resolve(root)) return;
  let name: string | undefined;
  if (root.text === 'module' && members.length === 1 && members[0] === 'exports') name = 'default';
  else if (root.text === 'module' && members.length === 2 && members[0] === 'exports') name = members[1];
  else if (root.text === 'exports' && members.length === 1) name = members[0];
  if (!name) return;
  const right = unwrap(assign.right);
  if (name === 'default' && ts.isObjectLiteralExpression(right)) {
    for (const p of right.properties) {
      if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p.name.text);
      else if (ts.isPropertyAssignment(p)) {
        const key = propertyNameText(p.name);
        const v = unwrap(p.initializer);
        if (!key) continue;
        if (ts.isIdentifier(v)) add(v.text, key);
        else if (!ts.isFunctionLike(v)) info.inline.push({ name: key, node: p, expr: v });
      }
    }
    return;
  }
  if (ts.isIdentifier(right)) add(right.text, name);
  else if (!ts.isFunctionLike(right)) info.inline.push({ name, node: assign, expr: right });
}

function boundIdentifiers(name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isBindingElement(el) ? boundIdentifiers(el.name) : []));
}

/** Value or flattened members of an initializer; undefined parts when nothing useful is known. */
function valueOf(expr: TS.Expression, notes: FoldNotes): { value?: SymbolicValue; members?: Record<string, SymbolicValue> } {
  const e = unwrap(expr);
  if (requiredModule(e) || ts.isFunctionLike(e) || ts.isClassExpression(e) || ts.isArrayLiteralExpression(e)) return {};
  if (ts.isObjectLiteralExpression(e)) {
    const members: Record<string, SymbolicValue> = {};
    flatten(e, '', members, notes, 0);
    return Object.keys(members).length ? { members } : {};
  }
  const value = fold(e, notes);
  return value.every((p) => p.kind === 'unknown') ? {} : { value };
}

function flatten(obj: TS.ObjectLiteralExpression, prefix: string, out: Record<string, SymbolicValue>, notes: FoldNotes, depth: number): void {
  if (depth > 6) return;
  for (const p of obj.properties) {
    const key = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
    if (!key) continue;
    const v = unwrap(ts.isShorthandPropertyAssignment(p) ? p.name : (p as TS.PropertyAssignment).initializer);
    if (ts.isObjectLiteralExpression(v)) flatten(v, `${prefix}${key}.`, out, notes, depth + 1);
    else if (!ts.isFunctionLike(v) && !ts.isArrayLiteralExpression(v)) {
      const value = fold(v, notes);
      if (!value.every((part) => part.kind === 'unknown')) out[`${prefix}${key}`] = value;
    }
  }
}

/** BindingFacts: exported module-level values, re-exports, CommonJS exports and client instances. */
export function bindingFacts(sf: TS.SourceFile, path: string, exportsInfo: ExportsInfo, reg: InstanceRegistry): BindingFact[] {
  const facts: BindingFact[] = [];
  const instanceByNode = new Map(reg.all.map((i) => [i.node, i]));
  const evidenceFor = (name: string, node: TS.Node, parts: Array<SymbolicValue | undefined>, notes: FoldNotes): Evidence[] => {
    const where = whereOf(sf, path, node);
    const ev: Evidence[] = [];
    if (AXEPTIO_NAME.test(name)) ev.push({ weight: 'strong', text: `identifier ${name} in ${where}` });
    for (const p of parts) ev.push(...valueEvidence(p, where));
    for (const env of notes.envDefaults) if (AXEPTIO_NAME.test(env)) ev.push({ weight: 'strong', text: `env ${env} in ${where}` });
    return ev;
  };
  for (const s of sf.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const name = d.name.text;
      const exportedAs = [...(exportsInfo.byLocal.get(name) ?? [])];
      const decl = resolve(d.name);
      const inst = decl ? reg.byDecl.get(decl) : undefined;
      if (!exportedAs.length && !inst) continue;
      const notes: FoldNotes = { envDefaults: [] };
      const { value, members } = inst ? {} : valueOf(d.initializer, notes);
      if (!inst && !value && !members) continue;
      const alias = exportedAs.find((a) => a !== name);
      facts.push({
        kind: 'binding',
        span: spanOf(sf, d),
        name,
        exported: exportedAs.length > 0,
        ...(alias ? { exportedAs: alias } : {}),
        ...(value ? { value } : {}),
        ...(members ? { members } : {}),
        ...(inst ? { client: clientOf(inst) } : {}),
        evidence: evidenceFor(name, d, inst ? [inst.base, ...Object.values(inst.headers)] : [value, ...Object.values(members ?? {})], inst?.notes ?? notes),
      });
    }
  }
  for (const item of exportsInfo.inline) {
    const notes: FoldNotes = { envDefaults: [] };
    const inst = instanceByNode.get(item.node) ?? (item.expr ? instanceByNode.get(item.expr.parent) : undefined);
    const { value, members } = item.value ? { value: item.value, members: undefined } : item.expr && !inst ? valueOf(item.expr, notes) : {};
    if (!inst && !value && !members) continue;
    facts.push({
      kind: 'binding',
      span: spanOf(sf, item.node),
      name: item.name,
      exported: true,
      ...(item.name === 'default' ? { exportedAs: 'default' } : {}),
      ...(value ? { value } : {}),
      ...(members ? { members } : {}),
      ...(inst ? { client: clientOf(inst) } : {}),
      evidence: evidenceFor(item.name, item.node, inst ? [inst.base] : [value, ...Object.values(members ?? {})], notes),
    });
  }
  // axios.defaults.* : the library's global instance, as a binding named `axios.defaults`.
  for (const inst of reg.defaults.values()) {
    facts.push({ kind: 'binding', span: spanOf(sf, inst.node), name: inst.name, exported: false, client: clientOf(inst), evidence: evidenceFor(inst.name, inst.node, [inst.base, ...Object.values(inst.headers)], inst.notes) });
  }
  return facts;
}

function clientOf(inst: { library: string; base?: SymbolicValue; headers: Record<string, SymbolicValue> }): NonNullable<BindingFact['client']> {
  return { library: inst.library, ...(inst.base ? { base: inst.base } : {}), ...(Object.keys(inst.headers).length ? { headers: inst.headers } : {}) };
}
