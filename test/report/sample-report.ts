/**
 * A hand-built ScanReport shared by the SARIF, Markdown, CSV, JUnit and HTML reporter tests:
 * every severity and confidence, and the characters each format must escape (pipes, backticks,
 * quotes, commas, CR/LF, markup, control characters, formula triggers, non-ASCII paths).
 * Snippets are already redacted, as the scanner hands them over.
 */
import type { Finding } from '../../src/findings/types.js';
import type { ScanReport } from '../../src/scan/types.js';

const base: Finding = {
  ruleId: 'legacy-signin',
  severity: 'error',
  confidence: 'high',
  file: 'src/axeptio/client.ts',
  line: 12,
  column: 5,
  endLine: 15,
  endColumn: 7,
  message: 'POST to https://api.axept.io/v1/auth/local/signin: Axeptio rejects this sign-in since 2026-07-06.',
  snippet: "const res = await fetch(`${AXEPTIO_API}/auth/local/signin`, {\n  method: 'POST',\n  body: JSON.stringify({ username, password }),\n});",
  evidence: ['host api.axept.io via axios.create baseURL in src/http.ts:3'],
  fix: { available: true, transform: 'signin-to-client-credentials' },
  fingerprint: 'f1a2b3c4d5e6f708',
};

export const FINDINGS: Finding[] = [
  base,
  {
    ...base,
    ruleId: 'hardcoded-secret',
    file: 'config/axeptio.js',
    line: 4,
    column: 3,
    endLine: 4,
    endColumn: 40,
    message: 'Hard-coded password for the Axeptio account | rotate it, then read it from "AXEPTIO_CLIENT_SECRET"',
    snippet: "  password: '«redacted»', // <script>alert(1)</script> & `tick`",
    evidence: ['key `password` in an object next to `axeptio`'],
    fix: { available: false, guidance: 'Revoke the secret, then read it from an environment variable.' },
    fingerprint: '0011223344556677',
  },
  {
    ...base,
    ruleId: 'static-token',
    severity: 'warning',
    confidence: 'medium',
    file: 'scripts/dir with space/#export, "quoted".sh',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: '=HYPERLINK("http://evil.example","click") static token in Authorization: Bearer «redacted»',
    snippet: 'curl -H "Authorization: Bearer «redacted»" https://api.axept.io/v1/projects\r\n',
    evidence: [],
    fix: { available: true, transform: 'static-token-to-helper', guidance: 'Export AXEPTIO_CLIENT_ID and AXEPTIO_CLIENT_SECRET first.' },
    fingerprint: undefined,
  },
  {
    ...base,
    ruleId: 'legacy-signin-reference',
    severity: 'info',
    confidence: 'low',
    file: 'docs/intégration.md',
    line: 40,
    column: 10,
    endLine: 40,
    endColumn: 2, // inverted on one line: reporters must still emit a valid region
    message: 'Docs say: use `POST /auth/local/signin` ]]> with \u0001control\u0007 chars, +tab\tand -minus',
    snippet: '',
    evidence: ['Markdown text'],
    fix: { available: false },
  },
  {
    ...base,
    ruleId: 'password-grant',
    severity: 'warning',
    confidence: 'high',
    file: 'src/keycloak.ts',
    line: 7,
    column: 9,
    endLine: 12,
    endColumn: 4,
    message: '@grant_type=password sent with username + password to an Axeptio identity realm',
    snippet: "body: new URLSearchParams({ grant_type: 'password', username, password: «redacted» })",
    evidence: ['env var AXEPTIO_AUTH_URL', 'path /protocol/openid-connect/token'],
    fix: { available: false },
  },
];

/** The sample report: findings above plus read errors, suppressions and a past deadline. */
export function sampleReport(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    schemaVersion: 1,
    tool: { name: 'axeptio-migrate', version: '0.1.0' },
    root: '/tmp/repo with space',
    stats: {
      filesScanned: 1234,
      filesParsed: 321,
      durationMs: 4567,
      errors: [
        { file: 'src/broken.ts', reason: 'parse error: Unexpected token (3:7); scanned lexically' },
        { file: 'data/latin1 ü.json', reason: 'decoded as Latin-1 <fallback> & "guessed"' },
      ],
      filesAnalyzed: 40,
    },
    findings: FINDINGS,
    summary: {
      byRule: { 'legacy-signin': 1, 'hardcoded-secret': 1, 'static-token': 1, 'legacy-signin-reference': 1, 'password-grant': 1 },
      bySeverity: { error: 2, warning: 2, info: 1 },
      filesWithFindings: 5,
      suppressed: { count: 1, items: [{ ruleId: 'legacy-signin', file: 'test/e2e/login.ts', line: 3, reason: 'e2e stub server', by: 'inline' }] },
      unusedSuppressions: [{ file: 'src/old.ts', line: 9, ruleIds: ['static-token'], reason: 'legacy' }],
      belowMinConfidence: 2,
    },
    deadline: { date: '2026-07-06', daysRemaining: -139 },
    ...overrides,
  };
}

/** The same report with no findings, errors or suppressions: a clean run. */
export function cleanReport(): ScanReport {
  return sampleReport({
    findings: [],
    stats: { filesScanned: 10, filesParsed: 5, durationMs: 12, errors: [] },
    summary: { byRule: {}, bySeverity: {}, filesWithFindings: 0 },
    deadline: { date: '2026-07-06', daysRemaining: 30 },
  });
}
