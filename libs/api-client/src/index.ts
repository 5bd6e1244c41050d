import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
/** Response and request bodies by schema name, e.g. `Schemas['MeDto']`. */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export const CSRF_COOKIE = 'goprep_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiClientOptions {
  /** Origin of the app, e.g. `http://localhost:3000`; empty for same-origin browser use. */
  baseUrl?: string;
  /** A fetch with a cookie jar outside browsers. */
  fetch?: typeof globalThis.fetch;
  /** The CSRF token to echo on writes; in a browser the default reads the `goprep_csrf` cookie. */
  getCsrfToken?: () => string | undefined;
}

export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function browserCsrfToken(): string | undefined {
  const doc = (globalThis as { document?: { cookie: string } }).document;
  return doc ? readCookie(doc.cookie, CSRF_COOKIE) : undefined;
}

/** The typed client over the API's OpenAPI document; adds the CSRF header on writes. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'include',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const getToken = options.getCsrfToken ?? browserCsrfToken;
  const csrf: Middleware = {
    onRequest({ request }) {
      if (UNSAFE.has(request.method)) {
        const token = getToken();
        if (token) request.headers.set(CSRF_HEADER, token);
      }
      return request;
    },
  };
  client.use(csrf);
  return client;
}

/** The error body every failing endpoint returns. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Array<{ field: string; message: string }>;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string';
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the server's code. */
export async function unwrap<T>(result: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await result;
  if (response.ok) return data as T;
  const body = isErrorBody(error)
    ? error
    : { code: response.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR', message: `Request failed with status ${response.status}.` };
  throw new ApiError(response.status, body);
}
