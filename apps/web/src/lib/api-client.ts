import { createApiClient, CSRF_COOKIE, CSRF_HEADER, readCookie, type Schemas } from '@goprep/api-client';
import { env } from '@/config/env';
import { i18n } from './i18n';

export type { Schemas };

/** A field-level validation problem as returned by the API. */
export type FieldError = Schemas['FieldErrorDto'];

/**
 * A failed request, with what the UI needs from it: the machine code, field errors, the request
 * id to quote in a bug report, and Retry-After for 429.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(status: number, body: { code: string; message: string; fields?: FieldError[]; requestId?: string }, retryAfter?: number) {
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

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const csrfCookie = () => readCookie(document.cookie, CSRF_COOKIE);

let csrfRequest: Promise<string | undefined> | undefined;

/** The CSRF token from the readable cookie; asks the server to issue one when there is none yet. */
async function ensureCsrfToken(): Promise<string | undefined> {
  const existing = csrfCookie();
  if (existing) return existing;
  csrfRequest ??= fetch(`${env.apiOrigin}/api/auth/csrf`, { credentials: 'include' })
    .then(async (res) => csrfCookie() ?? ((await res.json()) as Schemas['CsrfDto']).token)
    .catch(() => undefined)
    .finally(() => {
      csrfRequest = undefined;
    });
  return csrfRequest;
}

/** The typed client generated from the API's OpenAPI document (libs/api-client). */
export const api = createApiClient({ baseUrl: env.apiOrigin, getCsrfToken: csrfCookie });

// The generated client echoes the cookie it finds; on a first visit there is none yet, so fetch it.
api.use({
  async onRequest({ request }) {
    // The interface language: the API delivers questions in it to learners whose setting is follow-ui.
    if (i18n.language) request.headers.set('Accept-Language', i18n.language);
    if (UNSAFE.has(request.method) && !request.headers.get(CSRF_HEADER)) {
      const token = await ensureCsrfToken();
      if (token) request.headers.set(CSRF_HEADER, token);
    }
    return request;
  },
});

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

function toApiError(response: Response, error: unknown): ApiError {
  const retry = Number(response.headers.get('Retry-After'));
  const body = (typeof error === 'object' && error !== null ? error : {}) as Partial<Schemas['ErrorBodyDto']>;
  return new ApiError(
    response.status,
    {
      code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      message: typeof body.message === 'string' ? body.message : response.statusText || 'Request failed',
      ...(Array.isArray(body.fields) ? { fields: body.fields } : {}),
      ...(typeof body.requestId === 'string' ? { requestId: body.requestId } : {}),
    },
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

/**
 * Runs one typed request and returns its data or throws ApiError. A write refused for a stale
 * CSRF token (the cookie rotated, e.g. at log-in) is retried once with a fresh token.
 */
export async function call<T>(send: () => Promise<FetchResult<T>>): Promise<T> {
  let result = await send();
  if (!result.response.ok && result.response.status === 403) {
    const error = toApiError(result.response, result.error);
    if (error.code !== 'CSRF_INVALID') throw error;
    document.cookie = `${CSRF_COOKIE}=; Max-Age=0; path=/`;
    await ensureCsrfToken();
    result = await send();
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}
