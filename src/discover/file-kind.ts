/**
 * File kinds: which analyzer reads a file. Decided from the path alone so the walker can
 * classify 27k files without opening them; content sniffing (is this JSON a Postman collection?)
 * belongs to the analyzer of that kind.
 */
export type FileKind =
  | 'javascript' // .js .mjs .cjs .jsx
  | 'typescript' // .ts .mts .cts .tsx
  | 'vue'
  | 'svelte'
  | 'python'
  | 'php'
  | 'ruby'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'csharp'
  | 'shell' // .sh .bash .zsh, shebang-less scripts are not guessed
  | 'makefile'
  | 'dockerfile'
  | 'http' // .http .rest
  | 'har'
  | 'json' // incl. Postman/Insomnia/OpenAPI JSON: sniffed by the analyzer
  | 'yaml' // incl. compose, k8s, CI, OpenAPI YAML, Insomnia YAML
  | 'toml'
  | 'ini'
  | 'env' // .env, .env.*, *.env
  | 'terraform' // .tf .tfvars
  | 'markdown'
  | 'rst'
  | 'asciidoc'
  | 'html';

const BY_EXTENSION: Record<string, FileKind> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  vue: 'vue', svelte: 'svelte',
  py: 'python', pyw: 'python',
  php: 'php', phtml: 'php',
  rb: 'ruby', rake: 'ruby',
  go: 'go',
  java: 'java', kt: 'kotlin', kts: 'kotlin',
  cs: 'csharp',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell',
  mk: 'makefile',
  http: 'http', rest: 'http',
  har: 'har',
  json: 'json', jsonc: 'json', json5: 'json',
  yaml: 'yaml', yml: 'yaml',
  toml: 'toml',
  ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'ini',
  env: 'env',
  tf: 'terraform', tfvars: 'terraform',
  md: 'markdown', markdown: 'markdown', mdx: 'markdown',
  rst: 'rst',
  adoc: 'asciidoc', asciidoc: 'asciidoc',
  html: 'html', htm: 'html',
};

/** Kind of a file from its POSIX path, or undefined when no analyzer reads it. */
export function fileKindOf(path: string): FileKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (lower === 'makefile' || lower === 'gnumakefile') return 'makefile';
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (lower === '.env' || lower.startsWith('.env.') || lower === '.envrc') return 'env';
  if (lower.endsWith('.d.ts')) return undefined; // declarations never make requests
  const dot = lower.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION[lower.slice(dot + 1)];
}
