import { env } from '@/config/env';

/** A field-level validation problem as returned by the API. */
export type FieldError = { field: string; message: string };

/** The API's error body: `{ code, message, fields?, requestId? }`. */
export type ApiErrorBody = {
  code: string;
  message: string;
  fields?: FieldError[];
  requestId?: string;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds from a Retry-After header (429), when present. */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ApiErrorBody, retryAfter?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const CSRF_COOKIE = 'goprep_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const item = part.trim();
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length));
  }
  return undefined;
}

let csrfRequest: Promise<string> | undefined;

/** The CSRF token from the readable cookie; asks the server to set one when it is missing. */
async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  csrfRequest ??= fetch(`${env.apiBaseUrl}/auth/csrf`, { credentials: 'include' })
    .then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { token?: string };
      return readCookie(CSRF_COOKIE) ?? body.token ?? '';
    })
    .finally(() => {
      csrfRequest = undefined;
    });
  return csrfRequest;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
};

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${env.apiBaseUrl}${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy error page, for instance): fall through to a generic error.
  }
  return new ApiError(
    res.status,
    {
      code: typeof body.code === 'string' ? body.code : `HTTP_${res.status}`,
      message: typeof body.message === 'string' ? body.message : res.statusText || 'Request failed',
      ...(Array.isArray(body.fields) ? { fields: body.fields } : {}),
      ...(typeof body.requestId === 'string' ? { requestId: body.requestId } : {}),
    },
    retryAfter,
  );
}

/**
 * The one place that talks HTTP: sends the session cookie, the CSRF header on writes, and turns
 * error bodies into ApiError. Retries a write once when the CSRF token was stale.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const send = async (): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (UNSAFE.has(method)) headers['X-CSRF-Token'] = await csrfToken();
    return fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  };

  let res = await send();
  if (res.status === 403 && UNSAFE.has(method)) {
    const error = await toApiError(res.clone());
    if (error.code !== 'CSRF_INVALID') throw error;
    document.cookie = `${CSRF_COOKIE}=; Max-Age=0; path=/`;
    res = await send();
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
