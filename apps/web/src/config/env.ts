/**
 * Build-time configuration. Vite exposes only VITE_* variables; each is validated here so a bad
 * value fails loudly at start instead of producing odd requests later.
 */
type Env = {
  /** Base path of the REST API. Same origin by default (the API serves the web app). */
  apiBaseUrl: string;
};

function readEnv(): Env {
  const raw = import.meta.env['VITE_API_BASE_URL'] as string | undefined;
  const apiBaseUrl = (raw ?? '/api').replace(/\/+$/, '');
  if (!apiBaseUrl.startsWith('/') && !/^https?:\/\//.test(apiBaseUrl)) {
    throw new Error(`VITE_API_BASE_URL must be a path or an http(s) URL, got "${raw}"`);
  }
  return { apiBaseUrl };
}

export const env = readEnv();
