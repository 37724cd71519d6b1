/**
 * frontegg-v1-to-v2: replaces Frontegg's older `POST /identity/resources/auth/v1/api-token`
 * exchange (camelCase `accessToken`/`expiresIn`, no refresh token) and the code that reads it
 * (token reads, hand-made expiry bookkeeping, caches) with the generated helper's
 * `getAxeptioAccessToken()`, which uses the v2 route and refreshes before expiry.
 *
 *   npx jscodeshift -t transforms/frontegg-v1-to-v2.ts --parser=tsx <paths>
 *
 * Options: `--helperPath=<file>` (default `axeptio-token.<ext>` next to each rewritten file),
 * `--importExtension=js|none`. Shapes it cannot rewrite safely are reported, never marked in code.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { rewriteTokenRequests } from './_token-rewrite.ts';

export const parser = 'tsx';

/** The jscodeshift transform. */
export default function fronteggV1ToV2(file: FileInfo, api: API, options: Options): string {
  return rewriteTokenRequests(file, api, options, {
    transform: 'frontegg-v1-to-v2',
    matchesUrl: (url) => /\/identity\/resources\/auth\/v1\/api-token\b/.test(url),
    tokenField: 'accessToken',
    expiryFields: ['expiresIn', 'expires_in', 'expiresAt'],
    label: 'Frontegg v1 token exchange',
  });
}
