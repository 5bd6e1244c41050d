/**
 * Build-time configuration. Vite exposes only VITE_* variables; each is validated here so a bad
 * value fails loudly at start instead of producing odd requests later.
 */
type Env = {
  /**
   * Origin of the API (its paths already start with /api). Empty = same origin, which is how the
   * app is served in production (by the API) and in development (through Vite's proxy).
   */
  apiOrigin: string;
};

function readEnv(): Env {
  const raw = (import.meta.env['VITE_API_ORIGIN'] as string | undefined) ?? '';
  const apiOrigin = raw.replace(/\/+$/, '');
  if (apiOrigin && !/^https?:\/\/[^/]+$/.test(apiOrigin)) {
    throw new Error(`VITE_API_ORIGIN must be empty or an origin like https://goprep.example.com, got "${raw}"`);
  }
  return { apiOrigin };
}

export const env = readEnv();
