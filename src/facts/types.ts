/**
 * Facts: what one file says, independent of any verdict.
 *
 * Analyzers (one per language, run in worker threads) turn a file into facts; the link step
 * (main thread, once) resolves what a file cannot know alone (imports, instances, wrappers);
 * rules turn linked facts into findings. Facts are plain JSON so they cross worker boundaries.
 * A fact never carries a secret value: secrets are described by span and kind only.
 */

/** 1-based line/column span in the decoded text of the file (columns count UTF-16 code units). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * One piece of a value as far as a single file can know it. A URL such as
 * `${process.env.AXEPTIO_API_URL}/auth/local/signin` is `[{env}, {text}]`.
 */
export type ValuePart =
  | { kind: 'text'; text: string }
  /** An environment variable read (process.env.X, os.environ['X'], getenv("X"), $X in shell, {{X}} in Postman). */
  | { kind: 'env'; name: string }
  /**
   * A binding the analyzer could not resolve within the file: a local or imported identifier,
   * optionally with a member path (`config.api.baseUrl` → name `config`, member ['api','baseUrl']).
   * `from` is the import specifier when the name is imported. Only the link step resolves refs.
   */
  | { kind: 'ref'; name: string; from?: string; member?: string[] }
  /** The n-th parameter of the enclosing function (used by wrapper facts). */
  | { kind: 'param'; index: number; name: string }
  /** Anything else; `text` is the (redacted, truncated) source text, for messages only. */
  | { kind: 'unknown'; text: string };

export type SymbolicValue = ValuePart[];

/** Why we think something is (or is not) about Axeptio. Listed verbatim in findings. */
export interface Evidence {
  /**
   * strong: ties to Axeptio (axept.io host, Axeptio-named identifier/env/config/package/folder);
   * weak: supports the legacy shape without tying it to Axeptio (username+password body, `.token` consumer);
   * contrary: points elsewhere (localhost, the project's own API, a test of the app's own route).
   */
  weight: 'strong' | 'weak' | 'contrary';
  /** Short human text, e.g. `host api.axept.io via axios.create baseURL in src/http.ts:3`. */
  text: string;
}

/** Where a request or token use sits, as far as the analyzer can tell. */
export interface RequestContext {
  /** Name of the enclosing function/method, if any. */
  enclosingFunction?: string;
  /** Runs once per outgoing API request (header getter, request interceptor, per-call wrapper). */
  perRequest?: boolean;
  /** Code shipped to browsers (React/Vue/Svelte component, window/document use, front-end build). */
  browser?: boolean;
  /** Credentials come from a human (form fields, prompt, req.body of a login handler). */
  interactive?: boolean;
  /** Inside a test file or test block. */
  inTest?: boolean;
  /** Inside a loop, pagination or recursion over many API requests (one token reused by a long-running script). */
  inLoop?: boolean;
}

/** An outgoing HTTP request in any language, script or collection. */
export interface RequestFact {
  kind: 'request';
  span: Span;
  /** 'fetch' | 'axios' | 'got' | 'ky' | 'superagent' | 'request' | 'undici' | 'xhr' | 'jquery' | 'angular' | 'nest' | 'wrapper:<name>' | 'requests' | 'curl' | 'postman' | ... */
  client: string;
  /** Upper-case HTTP method when known. */
  method?: string;
  /** The URL argument as written (may be a path relative to `base`). */
  url: SymbolicValue;
  /** A base URL the client applies (axios.create baseURL, `new URL(path, base)`, collection variable). */
  base?: SymbolicValue;
  /** JS only: the client instance used (`api.post(...)` where `api = axios.create(...)`), resolved by link. */
  instance?: { name: string; from?: string };
  body?: {
    encoding: 'json' | 'form' | 'multipart' | 'unknown';
    /** Known field names with their values (lower-level detail lets rules see grant_type=password). */
    fields: Record<string, SymbolicValue>;
  };
  /** Request headers by lower-case name. */
  headers?: Record<string, SymbolicValue>;
  /** How the response token is used afterwards, when the analyzer can tell (`.token`, `access_token`, ...). */
  responseTokenField?: string;
  /** The token from this request is stored and reused with no expiry tracking. */
  tokenCachedWithoutExpiry?: boolean;
  context: RequestContext;
  evidence: Evidence[];
  /** A transform that can rewrite this request, set by analyzers whose format has one (Postman, .http). */
  fixTransform?: string;
}

/** A server route definition (Express/Nest/Fastify/Koa/Flask/Laravel/Rails...): never a finding, and counter-evidence. */
export interface RouteFact {
  kind: 'route';
  span: Span;
  method?: string;
  path: string;
  framework: string;
}

/**
 * A module-level binding whose value one file knows: `export const SIGNIN = '/auth/local/signin'`,
 * `export const config = { api: { baseUrl: '...' } }` (members flattened into `members`),
 * `export const api = axios.create({ baseURL })` (isClient).
 */
export interface BindingFact {
  kind: 'binding';
  span: Span;
  name: string;
  exported: boolean;
  /** Name it is exported under when different (`export { a as b }`, `export default` → 'default'). */
  exportedAs?: string;
  value?: SymbolicValue;
  /** Flattened object members: 'api.baseUrl' → value. */
  members?: Record<string, SymbolicValue>;
  /** The binding is an HTTP client instance (axios.create, got.extend, ky.create...). */
  client?: { library: string; base?: SymbolicValue; headers?: Record<string, SymbolicValue> };
  evidence: Evidence[];
}

/** JS/TS import or require: local name `local` is `imported` from module `from`. */
export interface ImportFact {
  kind: 'import';
  span: Span;
  from: string;
  /** 'default', '*', or the imported name. */
  imported: string;
  local: string;
}

/** A project function that forwards one of its parameters as the URL of a request. */
export interface WrapperFact {
  kind: 'wrapper';
  span: Span;
  name: string;
  exported: boolean;
  exportedAs?: string;
  /** Index of the parameter used as URL (or path). */
  urlParam: number;
  /** Base the wrapper prepends, if any. */
  base?: SymbolicValue;
  method?: string;
  client: string;
}

/** A call to a function that may be a wrapper defined elsewhere: resolved by link against WrapperFacts. */
export interface CallFact {
  kind: 'call';
  span: Span;
  callee: { name: string; from?: string; member?: string[] };
  args: SymbolicValue[];
  /** Field names of an object literal argument (a credentials body passed to a wrapper). */
  bodyFields?: Record<string, SymbolicValue>;
  context: RequestContext;
}

/** Code reads an environment variable (process.env.X, os.getenv, ENV['X'], $X ...). */
export interface EnvReadFact {
  kind: 'env-read';
  span: Span;
  name: string;
}

/** A key in a configuration file (.env, compose, k8s, CI, JSON/YAML/TOML/INI, Terraform). Value never stored. */
export interface ConfigEntryFact {
  kind: 'config-entry';
  span: Span;
  /** Dotted key path as written (`AXEPTIO_PASSWORD`, `services.api.environment.AXEPTIO_USERNAME`). */
  key: string;
  /** 'empty' (`KEY=`), 'placeholder' (`changeme`, `<your-password>`, `${VAR}`), 'reference' (secret store), 'literal' (a real-looking value). */
  valueKind: 'empty' | 'placeholder' | 'reference' | 'literal';
  /** The file is a template meant to be copied (.env.example, .env.sample, values.example.yaml). */
  template: boolean;
  format: string;
}

/** A literal secret in source or committed config. Only kind + span: the value never leaves the worker. */
export interface SecretFact {
  kind: 'secret';
  span: Span;
  secretKind: 'password' | 'client-secret' | 'refresh-token' | 'access-token' | 'jwt' | 'api-key';
  /** What the value is bound to (`password`, `AXEPTIO_CLIENT_SECRET`, `Authorization header`). */
  boundTo: string;
  evidence: Evidence[];
}

/** Documentation (Markdown, OpenAPI description, comment) that tells readers to use the old flow. */
export interface DocReferenceFact {
  kind: 'doc-reference';
  span: Span;
  /** What the line says to do, shortened. */
  summary: string;
  evidence: Evidence[];
}

/** File-level evidence (an Axeptio-named folder, `@axeptio/*` import, axept.io mention) used by link/rules. */
export interface FileEvidenceFact {
  kind: 'file-evidence';
  evidence: Evidence[];
  /** The file defines the project's own login (so same-path calls from the app itself are `low`). */
  definesOwnLogin?: boolean;
}

export type Fact =
  | RequestFact
  | RouteFact
  | BindingFact
  | ImportFact
  | WrapperFact
  | CallFact
  | EnvReadFact
  | ConfigEntryFact
  | SecretFact
  | DocReferenceFact
  | FileEvidenceFact;

export type FactKind = Fact['kind'];

/** An inline suppression comment found in a file (`axeptio-migrate-ignore[-next-line] <ruleId> -- <reason>`). */
export interface SuppressionDirective {
  /** Line of the comment itself. */
  line: number;
  /** 'next-line' covers the line after the comment; 'line' covers the comment's own line (trailing comment) or the next code line when the comment stands alone. */
  scope: 'next-line' | 'line';
  /** Rule ids named (at least one); '*' is not accepted: a suppression must say what it silences. */
  ruleIds: string[];
  /** Required; a directive without a reason is reported and suppresses nothing. */
  reason?: string;
}

/** Everything the pipeline keeps of one analyzed file: facts and metadata, never the AST or the text. */
export interface FileFacts {
  /** POSIX path relative to the scan root. */
  file: string;
  kind: import('../discover/file-kind.js').FileKind;
  facts: Fact[];
  directives: SuppressionDirective[];
  parsed: boolean;
  errors: string[];
}

/** Project-wide facts gathered once by the pipeline (package manifests, config). */
export interface ProjectInfo {
  /** Absolute scan root. */
  root: string;
  /** package.json dependency names anywhere in the scanned tree that tie it to Axeptio (`@axeptio/sdk`, `axeptio-*`). */
  axeptioPackages: string[];
  /** The project's own package name(s) and declared API base URLs, for "own API" contrary evidence. */
  ownPackageNames: string[];
}
