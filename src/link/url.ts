/** URL shapes of folded strings: join a base, split host/path/query, classify hosts. */
import { append, empty } from './fold.js';
import type { Folded, UrlShape } from './types.js';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]+\]|[^/?#:]+)/i;

/** The URL a client really requests: `url` alone when absolute, otherwise `base` + `url` (axios-style join). */
export function joinBase(base: Folded | undefined, url: Folded): Folded {
  if (!base || base.text === '' || ABSOLUTE.test(url.text)) return url;
  const out = append(empty(), base);
  const left = base.text.replace(/\/+$/, '');
  const right = url.text.replace(/^\/+/, '');
  out.text = right === '' ? left : `${left}/${right}`;
  return append(out, { ...url, text: '' });
}

/** Host, path and query of a folded URL (placeholders kept in the path). */
export function shapeOf(text: string, hasBase: boolean): UrlShape {
  const hostMatch = HOST.exec(text);
  let rest: string;
  let host: string | undefined;
  if (hostMatch) {
    host = hostMatch[1]!.toLowerCase();
    rest = text.slice(hostMatch[0].length);
    if (host.includes('${') || host.includes('{{')) host = undefined;
  } else if (text.startsWith('${')) {
    // `${API_URL}/x`: skip the placeholder that stands for scheme and host.
    const close = text.indexOf('}');
    rest = close >= 0 ? text.slice(close + 1) : '';
  } else {
    rest = text;
  }
  rest = rest.replace(/^:\d+/, '');
  const q = rest.search(/[?#]/);
  const path = q >= 0 ? rest.slice(0, q) : rest;
  const query = q >= 0 && rest[q] === '?' ? rest.slice(q + 1).split('#')[0]! : '';
  const relative = !hostMatch && !text.startsWith('${') && !hasBase;
  return { host, relative, path: path === '' || path.startsWith('/') || path.startsWith('${') ? path : `/${path}`, query };
}

/** `api.axept.io`, `axept.io`, `staging-api.axept.io`. */
export function isAxeptioHost(host: string): boolean {
  return host === 'axept.io' || host.endsWith('.axept.io') || /axeptio/i.test(host);
}

/** Loopback, private and development hosts: the project's own services. */
export function isLocalHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host.endsWith('.test') ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host === 'host.docker.internal'
  );
}
