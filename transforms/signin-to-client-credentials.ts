/**
 * signin-to-client-credentials: replaces the retired `POST /auth/local/signin` (username +
 * password → long-lived `{ token }`) and the code that reads its token with the generated
 * helper's `getAxeptioAccessToken()` (Frontegg client credentials, cached and refreshed).
 *
 *   npx jscodeshift -t transforms/signin-to-client-credentials.ts --parser=tsx <paths>
 *
 * Options: `--helperPath=<file>` (default `axeptio-token.<ext>` next to each rewritten file;
 * create it with `axeptio-migrate helper --out <file>`), `--importExtension=js|none`.
 * Browser code, interactive logins and the application's own `/auth/local/signin` routes are left
 * unchanged and reported as manual steps.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { rewriteTokenRequests } from './_token-rewrite.ts';

export const parser = 'tsx';

/** The jscodeshift transform. */
export default function signinToClientCredentials(file: FileInfo, api: API, options: Options): string {
  return rewriteTokenRequests(file, api, options, {
    transform: 'signin-to-client-credentials',
    matchesUrl: (url) => /\/auth\/local\/signin\b/.test(url),
    tokenField: 'token',
    expiryFields: [],
    label: 'legacy sign-in',
  });
}
