import type * as OidcClient from 'openid-client' with { 'resolution-mode': 'import' };

/**
 * openid-client 6 is ESM-only and the API is CommonJS. Node 20.19+ loads an ESM module with
 * require() (no top-level await in it), and the test transform turns it into CommonJS, so a plain
 * require() works under both; the types come from a type-only import in import mode.
 */
export const oidc = require('openid-client') as typeof OidcClient;
export type OidcConfiguration = OidcClient.Configuration;
export type IdTokenClaims = OidcClient.IDToken;
