/**
 * Postman fixes: the legacy sign-in request becomes the v2 client-credentials exchange whose
 * test script stores `access_token` under the variable the old script set (so `{{token}}` keeps
 * working), plus refresh token and expiry; username/password variables give way to client id/secret.
 */
import { parse, type JSONPath } from 'jsonc-parser';
import { credentialRole } from '../../analyze/config/credential-keys.js';
import { storedToken } from '../../analyze/collections/script-tokens.js';
import { JsonEditor } from './json-edit.js';
import {
  CLIENT_ID_VAR,
  CLIENT_SECRET_VAR,
  EXCHANGE_URL,
  EXPIRES_AT_VAR,
  FRONTEGG_URL_VAR,
  LEGACY_SIGNIN_URL,
  REFRESH_TOKEN_VAR,
  SET_CREDENTIALS_NOTE,
} from './names.js';
import type { CollectionFix } from './types.js';

type Json = Record<string, unknown>;

const SCRIPT_SIGNIN_NOTE = `A Postman script signs in with pm.sendRequest to /auth/local/signin: change it to POST ${EXCHANGE_URL} with the JSON body {"clientId": "{{${CLIENT_ID_VAR}}}", "secret": "{{${CLIENT_SECRET_VAR}}}"}, store access_token (and refresh_token, expires_in) and only call it again when the token is about to expire.`;

const EXCHANGE_BODY = `{\n  "clientId": "{{${CLIENT_ID_VAR}}}",\n  "secret": "{{${CLIENT_SECRET_VAR}}}"\n}`;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parsed JSON of a Postman collection, else undefined. */
export function asPostmanCollection(doc: unknown): Json | undefined {
  if (!isObject(doc) || !isObject(doc.info) || !Array.isArray(doc.item)) return undefined;
  return doc;
}

/** Parsed JSON of a Postman environment, else undefined. */
export function asPostmanEnvironment(doc: unknown): Json | undefined {
  if (!isObject(doc) || !Array.isArray(doc.values)) return undefined;
  return doc.values.every((v) => isObject(v) && typeof v.key === 'string') ? doc : undefined;
}

/** Fix a Postman collection's sign-in requests (idempotent: a fixed collection has none left). */
export function fixPostmanCollection(text: string, doc: Json): CollectionFix {
  const editor = new JsonEditor(text);
  const manual: string[] = [];
  const signins = signinItems(doc.item as unknown[], ['item']);
  // Sign-ins sent from scripts (`pm.sendRequest`) are code: described, not rewritten.
  if (/sendRequest[\s\S]*local\/signin|local\/signin[\s\S]*sendRequest/.test(text)) manual.push(SCRIPT_SIGNIN_NOTE);
  if (!signins.length) return { text, changed: false, manual };
  const credentialVars = new Set<string>();
  let literalCredentials = false;
  for (const { path, item } of signins) {
    const request = isObject(item.request) ? item.request : {};
    for (const name of credentialTemplateVars(request)) credentialVars.add(name);
    literalCredentials ||= hasLiteralPassword(request);
    if (!isObject(item.request)) editor.set([...path, 'request'], { method: 'POST', header: [], url: EXCHANGE_URL });
    editor.set([...path, 'request', 'method'], 'POST');
    editor.set([...path, 'request', 'url'], isObject(request.url) ? exchangeUrlObject() : EXCHANGE_URL);
    editor.set([...path, 'request', 'body'], { mode: 'raw', raw: EXCHANGE_BODY, options: { raw: { language: 'json' } } });
    setJsonContentType(editor, [...path, 'request'], request.header);
    replaceTokenScript(editor, path, item);
  }
  const variables = Array.isArray(doc.variable) ? (doc.variable as unknown[]) : undefined;
  const values = new Map<string, unknown>();
  variables?.forEach((v) => isObject(v) && typeof v.key === 'string' && values.set(v.key, v.value));
  // Remove the old credential variables first (descending indexes stay valid), then append the new ones.
  const removable = (variables ?? [])
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => isObject(v) && typeof v.key === 'string' && credentialVars.has(v.key) && isCredentialName(v.key))
    .reverse();
  for (const { v, i } of removable) {
    if (credentialRole((v as Json).key as string) === 'password' && typeof (v as Json).value === 'string' && (v as Json).value !== '') literalCredentials = true;
    editor.set(['variable', i], undefined);
  }
  const missing = [CLIENT_ID_VAR, CLIENT_SECRET_VAR, FRONTEGG_URL_VAR].filter((name) => !values.has(name));
  if (!variables) editor.set(['variable'], missing.map((key) => ({ key, value: '' })));
  else {
    let length = variables.length - removable.length;
    for (const key of missing) editor.insert(['variable', length++], { key, value: '' });
  }
  manual.push(SET_CREDENTIALS_NOTE);
  if (literalCredentials) manual.push('The collection held an Axeptio password: revoke it (it remains in version history) and never store the client secret in the collection.');
  return { text: editor.text, changed: editor.changed, manual };
}

/** Fix a Postman environment: username/password keys become empty client id/secret keys. */
export function fixPostmanEnvironment(text: string, doc: Json): CollectionFix {
  const editor = new JsonEditor(text);
  const manual: string[] = [];
  const values = doc.values as Json[];
  const tied = /axept/i.test(text);
  const keys = new Set(values.map((v) => v.key as string));
  const removals: number[] = [];
  let literal = false;
  values.forEach((v, i) => {
    const key = v.key as string;
    const role = credentialRole(key);
    if ((role !== 'username' && role !== 'password') || !(tied || /axept/i.test(key))) return;
    if (role === 'password' && typeof v.value === 'string' && v.value !== '') literal = true;
    const target = role === 'username' ? CLIENT_ID_VAR : CLIENT_SECRET_VAR;
    if (keys.has(target)) {
      removals.push(i);
      return;
    }
    keys.add(target);
    const entry: Json = { key: target, value: '' };
    if ('type' in v) entry.type = role === 'password' ? 'secret' : 'default';
    if ('enabled' in v) entry.enabled = true;
    editor.set(['values', i], entry);
  });
  for (const i of removals.reverse()) editor.set(['values', i], undefined);
  if (editor.changed && !keys.has(FRONTEGG_URL_VAR)) {
    const sample = values[0] ?? {};
    const entry: Json = { key: FRONTEGG_URL_VAR, value: '' };
    if ('type' in sample) entry.type = 'default';
    if ('enabled' in sample) entry.enabled = true;
    editor.insert(['values', values.length - removals.length], entry);
  }
  if (editor.changed) manual.push(SET_CREDENTIALS_NOTE);
  if (literal) manual.push('The environment held an Axeptio password: revoke it (it remains in version history).');
  return { text: editor.text, changed: editor.changed, manual };
}

function signinItems(items: unknown[], path: JSONPath): Array<{ path: JSONPath; item: Json }> {
  const out: Array<{ path: JSONPath; item: Json }> = [];
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const here = [...path, i];
    if (item.request !== undefined && LEGACY_SIGNIN_URL.test(urlText(item.request))) out.push({ path: here, item });
    if (Array.isArray(item.item)) out.push(...signinItems(item.item, [...here, 'item']));
  });
  return out;
}

function urlText(request: unknown): string {
  if (typeof request === 'string') return request;
  if (!isObject(request)) return '';
  const url = request.url;
  if (typeof url === 'string') return url;
  if (!isObject(url)) return '';
  if (typeof url.raw === 'string') return url.raw;
  return Array.isArray(url.path) ? `/${url.path.join('/')}` : '';
}

function exchangeUrlObject(): Json {
  return { raw: EXCHANGE_URL, host: [`{{${FRONTEGG_URL_VAR}}}`], path: ['identity', 'resources', 'auth', 'v2', 'api-token'] };
}

/** `{{var}}` names used as username/password values in the old body. */
function credentialTemplateVars(request: Json): string[] {
  const body = isObject(request.body) ? request.body : {};
  const texts: string[] = [];
  if (typeof body.raw === 'string') texts.push(body.raw);
  for (const mode of ['urlencoded', 'formdata']) {
    const fields = body[mode];
    if (Array.isArray(fields)) for (const f of fields) if (isObject(f) && typeof f.value === 'string') texts.push(f.value);
  }
  return [...texts.join('\n').matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!);
}

function isCredentialName(name: string): boolean {
  const role = credentialRole(name);
  return role === 'username' || role === 'password';
}

/** A password written into the old body itself (not a `{{variable}}`). */
function hasLiteralPassword(request: Json): boolean {
  const body = isObject(request.body) ? request.body : {};
  if (typeof body.raw === 'string' && /"pass(?:word)?"\s*:\s*"(?!\{\{)[^"]+"/.test(body.raw)) return true;
  for (const mode of ['urlencoded', 'formdata']) {
    const fields = body[mode];
    if (Array.isArray(fields) && fields.some((f) => isObject(f) && credentialRole(String(f.key)) === 'password' && typeof f.value === 'string' && f.value !== '' && !/\{\{/.test(f.value))) return true;
  }
  return false;
}

function setJsonContentType(editor: JsonEditor, requestPath: JSONPath, header: unknown): void {
  if (!Array.isArray(header)) {
    editor.set([...requestPath, 'header'], [{ key: 'Content-Type', value: 'application/json' }]);
    return;
  }
  const i = header.findIndex((h) => isObject(h) && typeof h.key === 'string' && h.key.toLowerCase() === 'content-type');
  if (i === -1) editor.insert([...requestPath, 'header', header.length], { key: 'Content-Type', value: 'application/json' });
  else if ((header[i] as Json).value !== 'application/json') editor.set([...requestPath, 'header', i, 'value'], 'application/json');
}

/** The test script now stores the v2 answer: access token under the old variable name, refresh token, expiry. */
function replaceTokenScript(editor: JsonEditor, path: JSONPath, item: Json): void {
  const events = Array.isArray(item.event) ? (item.event as unknown[]) : undefined;
  let variable = 'token';
  let scope = 'collectionVariables';
  let testIndex = -1;
  events?.forEach((e, i) => {
    if (!isObject(e) || e.listen !== 'test' || !isObject(e.script)) return;
    const exec = e.script.exec;
    const script = Array.isArray(exec) ? exec.join('\n') : typeof exec === 'string' ? exec : '';
    if (testIndex === -1) testIndex = i;
    const stored = storedToken(script);
    if (!stored) return;
    testIndex = i;
    variable = stored.variable;
    const setter = /pm\.(environment|collectionVariables|globals|variables)\.set|postman\.set(Environment|Global)Variable/.exec(script);
    if (setter) scope = setter[1] ?? (setter[2] === 'Global' ? 'globals' : 'environment');
  });
  const exec = [
    '// axeptio-migrate: Frontegg client-credentials exchange; the token expires after expires_in seconds.',
    'const body = pm.response.json();',
    `pm.${scope}.set(${JSON.stringify(variable)}, body.access_token);`,
    `pm.${scope}.set("${REFRESH_TOKEN_VAR}", body.refresh_token);`,
    `pm.${scope}.set("${EXPIRES_AT_VAR}", String(Date.now() + body.expires_in * 1000));`,
  ];
  if (testIndex !== -1) editor.set([...path, 'event', testIndex, 'script', 'exec'], exec);
  else if (events) editor.insert([...path, 'event', events.length], { listen: 'test', script: { type: 'text/javascript', exec } });
  else editor.set([...path, 'event'], [{ listen: 'test', script: { type: 'text/javascript', exec } }]);
}

/** Parse leniently (comments, trailing commas). */
export function parseLenient(text: string): unknown {
  return parse(text, [], { allowTrailingComma: true, disallowComments: false });
}
