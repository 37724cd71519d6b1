/** What the link step hands to rules: requests with folded URLs, headers and the evidence behind them. */
import type { Evidence, FileFacts, ProjectInfo, RequestContext, Span } from '../facts/types.js';
import type { FileKind } from '../discover/file-kind.js';

/** A symbolic value folded to one string, with what it took to get there. */
export interface Folded {
  /** Literal text as written; unresolved parts as `${NAME}` placeholders (env vars keep their name). */
  text: string;
  /** Every part folded to literal text. */
  literal: boolean;
  /** Environment variables read anywhere in the value, in order. */
  envNames: string[];
  /** Identifiers the value went through or stopped at (bindings, imports, members), for name-based ties. */
  identifiers: string[];
  /** Bindings resolved on the way, with where they live (for cross-file evidence). */
  trail: TrailStep[];
  /** The value forwards a parameter of the enclosing function (a wrapper's URL). */
  hasParam: boolean;
}

/** One binding the fold went through: `SIGNIN_PATH` in `src/constants.ts:2` folded to `/auth/local/signin`. */
export interface TrailStep {
  name: string;
  file: string;
  line: number;
  text: string;
}

/** A parsed view of a folded URL. */
export interface UrlShape {
  /** Host name when the URL is absolute and its host is literal. */
  host?: string;
  /** The URL starts with `/` or a plain segment and no base applies: it targets the page's or app's own origin. */
  relative: boolean;
  /** Path part (placeholders kept), without query or fragment. */
  path: string;
  /** Query string without `?`. */
  query: string;
}

/** A request after linking: a RequestFact as is, or one derived from a call to a wrapper. */
export interface LinkedRequest {
  file: string;
  fileKind: FileKind;
  span: Span;
  /** As in RequestFact; `wrapper:<name>` for requests derived from wrapper calls. */
  client: string;
  method?: string;
  /** The full target: base joined with the URL unless the URL is absolute. */
  target: Folded;
  url: UrlShape;
  /** The client instance used, for messages: `axios instance api`. */
  via?: string;
  /** The base that applies (request base, client instance baseURL, axios defaults, wrapper base). */
  base?: Folded;
  /** How the base got there, for evidence: `via axios.create baseURL in src/http.ts:3`. */
  baseOrigin?: string;
  body?: { encoding: 'json' | 'form' | 'multipart' | 'unknown'; fields: Record<string, Folded> };
  /** Lower-case header name → value, with where each header was set. */
  headers: Record<string, LinkedHeader>;
  responseTokenField?: string;
  tokenCachedWithoutExpiry?: boolean;
  context: RequestContext;
  /** Evidence about this request: the analyzer's own plus what linking found (with locations). */
  evidence: Evidence[];
  /** File- and project-level evidence (Axeptio folder, package, file mentions): weaker than the request's own. */
  ambient: Evidence[];
  /** A transform an analyzer says can rewrite this request (collections, .http files). */
  fixTransform?: string;
}

/** A header value as the request sends it, with where it was set. */
export interface LinkedHeader {
  value: Folded;
  /** Where the header was set when not on the request itself (`axios.create headers in src/http.ts:3`). */
  origin?: string;
  /** Span of the client binding that set it, when it came from an instance or defaults. */
  fromClient?: { file: string; span: Span; name: string };
}

/** Everything rules read: the linked requests plus the raw facts by file. */
export interface LinkedProject {
  files: readonly FileFacts[];
  project: ProjectInfo;
  requests: LinkedRequest[];
  /** Route definitions in the project (counter-evidence for same-path calls). */
  routes: Array<{ file: string; line: number; method?: string; path: string; framework: string }>;
  /** Files whose facts say they define the project's own login. */
  ownLoginFiles: string[];
  /** Client instances (axios.create ...) with their folded base and headers, by file. */
  clients: LinkedClient[];
}

/** A client instance or library defaults, folded, with how its requests use it. */
export interface LinkedClient {
  file: string;
  fileKind: FileKind;
  span: Span;
  name: string;
  library: string;
  base?: Folded;
  headers: Record<string, Folded>;
  evidence: Evidence[];
  ambient: Evidence[];
  /** Context of the requests made through this client (any in a loop, any browser). */
  usedInLoop: boolean;
  browser: boolean;
}
