/**
 * `.http`/`.rest` fixes: the sign-in request becomes the v2 exchange (request line, JSON
 * Content-Type, clientId/secret body), response handlers and `{{name.response.body.token}}`
 * references read `access_token`, and the client id/secret/Frontegg URL variables come from the
 * environment instead of the old username/password variables.
 */
import { credentialRole } from '../../analyze/config/credential-keys.js';
import { parseHttpFile } from '../../analyze/collections/http-file.js';
import { CLIENT_ID_VAR, CLIENT_SECRET_VAR, EXCHANGE_URL, EXPIRES_AT_VAR, FRONTEGG_URL_VAR, LEGACY_SIGNIN_URL, REFRESH_TOKEN_VAR, SET_CREDENTIALS_NOTE } from './names.js';
import type { CollectionFix } from './types.js';

interface LineEdit {
  /** 0-based first line replaced, and the end (exclusive); from === to inserts. */
  from: number;
  to: number;
  lines: string[];
}

/** Fix an .http/.rest file (idempotent: a fixed file has no sign-in request left). */
export function fixHttpFile(text: string): CollectionFix {
  const parsed = parseHttpFile(text);
  const signins = parsed.requests.filter((r) => LEGACY_SIGNIN_URL.test(r.url));
  if (!signins.length) return { text, changed: false, manual: [] };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const edits: LineEdit[] = [];
  const usedInBodies = new Set<string>();
  let literalPassword = false;
  for (const r of signins) {
    const i = r.line - 1;
    const original = lines[i]!;
    const indent = /^\s*/.exec(original)![0];
    const version = /\s+HTTP\/[\d.]+\s*$/.exec(original)?.[0].trimEnd() ?? '';
    edits.push({ from: i, to: i + 1, lines: [`${indent}POST ${EXCHANGE_URL}${version}`] });
    const contentType = r.headers.find((h) => h.name.toLowerCase() === 'content-type');
    if (contentType) edits.push({ from: contentType.line - 1, to: contentType.line, lines: [`${contentType.name}: application/json`] });
    else edits.push({ from: i + 1, to: i + 1, lines: ['Content-Type: application/json'] });
    const body = ['{', `  "clientId": "{{${CLIENT_ID_VAR}}}",`, `  "secret": "{{${CLIENT_SECRET_VAR}}}"`, '}'];
    if (r.body) {
      for (const m of r.body.text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) usedInBodies.add(m[1]!);
      literalPassword ||= /pass(?:word)?(?:"\s*:\s*"(?!\{\{)[^"]+"|=(?!\{\{)[^&\s]+)/i.test(r.body.text);
      edits.push({ from: r.body.firstLine - 1, to: r.body.lastLine, lines: body });
    } else {
      const afterHeaders = Math.max(r.line, ...r.headers.map((h) => h.line));
      edits.push({ from: afterHeaders, to: afterHeaders, lines: ['', ...body] });
    }
  }
  // JetBrains response handlers: store access_token (under the old variable), refresh token and expiry.
  const beforeHandlers = edits.length;
  lines.forEach((line, i) => {
    const set = /^(\s*)client\.global\.set\(\s*(["'])([^"']+)\2\s*,\s*response\.body(?:\.token|\[["']token["']\])\s*\)\s*;?\s*$/.exec(line);
    if (!set || !signins.some((r) => r.handler?.includes(line.trim()))) return;
    const pad = set[1]!;
    edits.push({
      from: i,
      to: i + 1,
      lines: [
        `${pad}client.global.set("${set[3]}", response.body.access_token);`,
        `${pad}client.global.set("${REFRESH_TOKEN_VAR}", response.body.refresh_token);`,
        `${pad}client.global.set("${EXPIRES_AT_VAR}", String(Date.now() + response.body.expires_in * 1000));`,
      ],
    });
  });
  const afterHandlers = edits.length;
  // REST Client: `{{login.response.body.$.token}}` of a renamed sign-in request.
  const names = new Set(signins.map((r) => r.name).filter((n): n is string => !!n));
  lines.forEach((line, i) => {
    const next = line.replace(/(\{\{\s*([\w-]+)\.response\.body\.(?:\$\.)?)token(\s*\}\})/g, (m, pre: string, name: string, post: string) =>
      names.has(name) ? `${pre}access_token${post}` : m,
    );
    if (next !== line && !edits.some((e) => e.from <= i && i < e.to)) edits.push({ from: i, to: i + 1, lines: [next] });
  });
  // Variables: drop the old username/password ones, define the new ones from the environment.
  const defined = new Set(parsed.variables.map((v) => v.name));
  for (const v of parsed.variables) {
    const role = credentialRole(v.name);
    if ((role === 'username' || role === 'password') && usedInBodies.has(v.name) && !usedOutsideSignins(text, v.name, v.line)) {
      if (role === 'password' && !/\{\{|\$/.test(v.value) && v.value !== '') literalPassword = true;
      edits.push({ from: v.line - 1, to: v.line, lines: [] });
    }
  }
  const source = /\{\{\s*\$dotenv\b/.test(text) ? '$dotenv' : '$processEnv';
  const fresh = [
    [FRONTEGG_URL_VAR, 'AXEPTIO_FRONTEGG_URL'],
    [CLIENT_ID_VAR, 'AXEPTIO_CLIENT_ID'],
    [CLIENT_SECRET_VAR, 'AXEPTIO_CLIENT_SECRET'],
  ]
    .filter(([name]) => !defined.has(name!))
    .map(([name, env]) => `@${name} = {{${source} ${env}}}`);
  if (fresh.length) {
    const at = parsed.variables.length ? parsed.variables[0]!.line - 1 : 0;
    edits.push({ from: at, to: at, lines: parsed.variables.length ? fresh : [...fresh, ''] });
  }
  const out = applyLineEdits(lines, edits).join(eol);
  const manual = [SET_CREDENTIALS_NOTE.replace('in your Postman/HTTP client environment', `as AXEPTIO_CLIENT_ID, AXEPTIO_CLIENT_SECRET and AXEPTIO_FRONTEGG_URL for ${source}`)];
  if (literalPassword) manual.push('The file held an Axeptio password: revoke it (it remains in version history).');
  if (afterHandlers === beforeHandlers && signins.some((r) => r.handler && /response\.body/.test(r.handler)))
    manual.push('A response handler of the sign-in request reads the old answer: make it store response.body.access_token (and refresh_token, expires_in).');
  return { text: out, changed: out !== text, manual };
}

/** A `{{name}}` use outside the sign-in bodies (other requests still need the variable). */
function usedOutsideSignins(text: string, name: string, definitionLine: number): boolean {
  const parsed = parseHttpFile(text);
  const signinLines = new Set<number>();
  for (const r of parsed.requests) if (LEGACY_SIGNIN_URL.test(r.url) && r.body) for (let l = r.body.firstLine; l <= r.body.lastLine; l++) signinLines.add(l);
  const re = new RegExp(String.raw`\{\{\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\s*\}\}`);
  return text.split(/\r?\n/).some((line, i) => i + 1 !== definitionLine && !signinLines.has(i + 1) && re.test(line));
}

/** Apply non-overlapping line edits bottom-up so earlier line numbers stay valid. */
function applyLineEdits(lines: string[], edits: LineEdit[]): string[] {
  const out = lines.slice();
  const sorted = edits.slice().sort((a, b) => b.from - a.from || b.to - a.to);
  for (const e of sorted) out.splice(e.from, e.to - e.from, ...e.lines);
  return out;
}
