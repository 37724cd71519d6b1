/**
 * The token helper generator: renders the Frontegg client-credentials helper (TypeScript, ESM,
 * CommonJS or Python) and writes it into a project safely.
 */
export type { HelperFlavour, WriteHelperOptions, WriteHelperResult } from './types.js';
export { flavourForPath, nearestPackageType, describeFlavour, FLAVOURS } from './flavour.js';
export { renderHelper } from './render.js';
export { writeHelper } from './write.js';
export { checkMarker } from './marker.js';

/** Names exported by every JS/TS flavour of the helper (the codemod imports these). */
export const HELPER_EXPORTS = ['getAxeptioAccessToken', 'axeptioFetch', 'createAxeptioTokenProvider', 'AxeptioAuthError'] as const;

/** Names defined by the Python flavour. */
export const PYTHON_HELPER_EXPORTS = ['get_axeptio_access_token', 'axeptio_request', 'AxeptioTokenProvider', 'AxeptioAuthError'] as const;

/** Environment variables the generated helper reads (CONTRACT.md), in the order to document them. */
export const HELPER_ENV_VARS = ['AXEPTIO_CLIENT_ID', 'AXEPTIO_CLIENT_SECRET', 'AXEPTIO_FRONTEGG_URL', 'AXEPTIO_API_URL'] as const;
