/** The names the migrated collections use: one set, so a fixed collection and a fixed environment agree. */

export const CLIENT_ID_VAR = 'axeptioClientId';
export const CLIENT_SECRET_VAR = 'axeptioClientSecret';
export const FRONTEGG_URL_VAR = 'axeptioFronteggUrl';
export const REFRESH_TOKEN_VAR = 'axeptioRefreshToken';
export const EXPIRES_AT_VAR = 'axeptioTokenExpiresAt';

/** The v2 client-credentials exchange (CONTRACT.md). */
export const EXCHANGE_PATH = '/identity/resources/auth/v2/api-token';
export const EXCHANGE_URL = `{{${FRONTEGG_URL_VAR}}}${EXCHANGE_PATH}`;

/** A URL of the retired sign-in (never Strapi's `/api/auth/local`). */
export const LEGACY_SIGNIN_URL = /(?:^|[/}])auth\/local\/signin(?![\w-])/i;

/** What the user still has to do after an automatic collection fix. */
export const SET_CREDENTIALS_NOTE = `Set ${CLIENT_ID_VAR}, ${CLIENT_SECRET_VAR} (Axeptio administration → Settings → API Access) and ${FRONTEGG_URL_VAR} (your Frontegg base URL) in your Postman/HTTP client environment; keep the secret out of version control.`;
