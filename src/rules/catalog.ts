/**
 * The rule catalog of CONTRACT.md as data: ids, default severities and what each fixes.
 * Each rule's detector lives beside it in `rules/<id>.ts`; this file is the metadata
 * reporters (SARIF rules, docs, pretty hints) read without loading detectors.
 */
import type { RuleId, Severity } from '../findings/types.js';

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** One-line description (SARIF shortDescription, `--list-rules`). */
  title: string;
  /** What to do about it, shown as the fix hint. */
  help: string;
  /** 'yes' (transform), 'templates' (only .env.example-like), 'guidance' (advice only), 'no'. */
  fixable: 'yes' | 'templates' | 'guidance' | 'no';
  /** Transform in transforms/ that fixes it. */
  transform?: string;
}

export const RULES: Readonly<Record<RuleId, RuleMeta>> = {
  'legacy-signin': {
    id: 'legacy-signin',
    defaultSeverity: 'error',
    title: 'Call to the retired Axeptio sign-in endpoint /auth/local/signin',
    help: 'Since 2026-07-06 Axeptio rejects /auth/local/signin and every token it issued. Exchange AXEPTIO_CLIENT_ID + AXEPTIO_CLIENT_SECRET for a 1-hour token (Frontegg /identity/resources/auth/v2/api-token) through the generated helper: `axeptio-migrate fix`.',
    fixable: 'yes',
    transform: 'signin-to-client-credentials',
  },
  'password-grant': {
    id: 'password-grant',
    defaultSeverity: 'warning',
    title: 'Username + password exchanged for a token (OAuth2 password grant or credentials login)',
    help: 'Resource-owner password grants are deprecated for machine integrations. Use client credentials (a Client ID + secret from an environment variable) and refresh tokens before they expire.',
    fixable: 'no',
  },
  'static-token': {
    id: 'static-token',
    defaultSeverity: 'warning',
    title: 'Long-lived bearer token for the Axeptio API supplied statically',
    help: 'Tokens made by the old system are rejected and new tokens expire after an hour. Get a fresh token per request from the helper (`getAxeptioAccessToken()` / `axeptioFetch`).',
    fixable: 'yes',
    transform: 'static-token-to-helper',
  },
  'legacy-credentials': {
    id: 'legacy-credentials',
    defaultSeverity: 'warning',
    title: 'Axeptio username/password kept in configuration',
    help: 'Replace AXEPTIO_USERNAME/AXEPTIO_PASSWORD with AXEPTIO_CLIENT_ID/AXEPTIO_CLIENT_SECRET (Axeptio administration → Settings → API Access) and keep the secret in a secret store.',
    fixable: 'templates',
    transform: 'env-credentials',
  },
  'hardcoded-secret': {
    id: 'hardcoded-secret',
    defaultSeverity: 'error',
    title: 'Literal password, client secret, refresh token or JWT in source or committed config',
    help: 'Revoke the secret, remove it from the code and history, and read it from an environment variable or secret store.',
    fixable: 'no',
  },
  'frontegg-v1-token': {
    id: 'frontegg-v1-token',
    defaultSeverity: 'warning',
    title: "Frontegg's older /identity/resources/auth/v1/api-token exchange",
    help: 'Move to /identity/resources/auth/v2/api-token, which also returns a refresh token, through the generated helper.',
    fixable: 'yes',
    transform: 'frontegg-v1-to-v2',
  },
  'token-no-refresh': {
    id: 'token-no-refresh',
    defaultSeverity: 'warning',
    title: 'Token obtained once and reused with no expiry tracking, or fetched anew on every request',
    help: 'Cache the token with its expiry (expires_in) and refresh shortly before it expires; the generated helper does this for you.',
    fixable: 'guidance',
  },
  'legacy-signin-reference': {
    id: 'legacy-signin-reference',
    defaultSeverity: 'info',
    title: 'Documentation that tells readers to use the retired sign-in flow',
    help: 'Update the documentation to the client-credentials flow (AXEPTIO_CLIENT_ID / AXEPTIO_CLIENT_SECRET).',
    fixable: 'no',
  },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The retirement date of the legacy flow, the default `--deadline`. */
export const LEGACY_DEADLINE = '2026-07-06';
