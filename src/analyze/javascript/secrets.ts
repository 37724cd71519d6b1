/**
 * Literal secrets: strings bound to password/secret/token/api-key names, bearer literals in
 * Authorization headers, secrets inside form strings, and JWT-looking literals anywhere.
 * Only the kind and the literal's span are kept; the value never leaves this module.
 */
import { ts, type TS } from './typescript.js';
import type { SecretFact } from '../../facts/types.js';
import { isPlaceholderValue } from '../../findings/redact.js';
import { accessChain, propertyNameText, unwrap } from './source.js';

type SecretKind = SecretFact['secretKind'];

const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/;
const NOT_A_TOKEN_NAME = /(?:csrf|xsrf|cancel|page|next|continuation|sync|push|device|notification|fcm|cursor|csrf_|reset|verification|invite|confirm)token$/;

/** The secret kind a key or variable name denotes, judged by how the name ends. */
export function secretKindOfName(name: string): SecretKind | undefined {
  const n = name.replace(/[^a-z0-9]/gi, '').toLowerCase();
  if (/clientsecret$/.test(n)) return 'client-secret';
  if (/refreshtoken$/.test(n)) return 'refresh-token';
  if (/(?:apikey|apisecret)$/.test(n)) return 'api-key';
  if (/(?:password|passwd|pwd|passphrase|motdepasse)$/.test(n)) return 'password';
  if (/secret$/.test(n) && !/^(?:show|has|is|use)/.test(n)) return 'client-secret';
  if (/token$/.test(n) && !NOT_A_TOKEN_NAME.test(n)) return 'access-token';
  return undefined;
}

/** Does a literal value look like a real secret for that kind (not a label, path, placeholder or i18n key)? */
function looksSecret(value: string, kind: SecretKind): boolean {
  if (isPlaceholderValue(value)) return false;
  if (/\s/.test(value) || value.length < 4) return false;
  if (/^(?:https?:)?\/\//i.test(value) || value.startsWith('/') || /^[a-z]+(?:[._-][a-z]+)+$/.test(value) && !/\d/.test(value) && kind !== 'password') return false;
  if (/^[a-z]+(?:\.[a-z_]+)+$/i.test(value)) return false; // i18n keys: auth.password
  if (/^\$\{|^\{\{|^%\(|^:\w+$/.test(value)) return false;
  if ((kind === 'access-token' || kind === 'refresh-token' || kind === 'api-key') && value.length < 12) return false;
  return true;
}

/** The secret a string literal is, if any: kind and what it is bound to. */
export function secretOfLiteral(lit: TS.StringLiteralLike): { secretKind: SecretKind; boundTo: string } | undefined {
  const value = lit.text;
  if (!value) return undefined;
  if (JWT.test(value)) return { secretKind: 'jwt', boundTo: boundName(lit) ?? 'literal' };
  const bound = boundName(lit);
  if (bound) {
    if (/^authorization$/i.test(bound)) {
      const m = /^\s*(?:Bearer|Token|Basic)\s+(\S+)\s*$/i.exec(value);
      return m && looksSecret(m[1]!, 'access-token') ? { secretKind: 'access-token', boundTo: 'Authorization header' } : undefined;
    }
    const kind = secretKindOfName(bound);
    if (kind) return looksSecret(value, kind) ? { secretKind: kind, boundTo: bound } : undefined;
  }
  // 'grant_type=password&username=x&password=hunter2' or '...&client_secret=abc'
  for (const m of value.matchAll(/(?:^|[?&])([\w.-]+)=([^&]*)/g)) {
    const kind = secretKindOfName(m[1]!);
    if (kind && looksSecret(decodeURIComponentSafe(m[2]!), kind)) return { secretKind: kind, boundTo: m[1]! };
  }
  return undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The key, variable, parameter or header a literal is assigned to. */
function boundName(lit: TS.Node): string | undefined {
  let node: TS.Node = lit;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.BarBarToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && p.right === node))) {
    node = p;
    p = p.parent;
  }
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p) && p.initializer === node) return propertyNameText(p.name);
  if (ts.isVariableDeclaration(p) && p.initializer === node && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isParameter(p) && p.initializer === node && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyDeclaration(p) && p.initializer === node) return propertyNameText(p.name);
  if (ts.isBindingElement(p) && p.initializer === node && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isBinaryExpression(p) && p.right === node && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const { root, members } = accessChain(p.left);
    if (members.length) return members[members.length - 1];
    if (ts.isIdentifier(root)) return root.text;
  }
  // headers.set('Authorization', 'Bearer …'), params.append('password', '…'), xhr.setRequestHeader(k, v)
  if (ts.isCallExpression(p) && p.arguments.length === 2 && p.arguments[1] === node && ts.isPropertyAccessExpression(p.expression) && /^(set|append|setRequestHeader|header)$/.test(p.expression.name.text)) {
    const k = unwrap(p.arguments[0]!);
    if (ts.isStringLiteralLike(k)) return k.text;
  }
  return undefined;
}
