import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '@goprep/api-client';
import { env } from '@/config/env';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { guestToken } from '../utils/guest-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function csrfToken(): Promise<string | undefined> {
  const existing = readCookie(document.cookie, CSRF_COOKIE);
  if (existing) return existing;
  const res = await fetch(`${env.apiOrigin}/api/auth/csrf`, { credentials: 'include' });
  return readCookie(document.cookie, CSRF_COOKIE) ?? ((await res.json()) as { token?: string }).token;
}

/**
 * One room request. A guest (no account) proves membership with X-Room-Token, which the API
 * accepts instead of the session and its CSRF token; a user goes with the session cookie.
 */
export async function roomRequest<T>(method: string, path: string, options: { roomId?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  if (i18n.language) headers.set('Accept-Language', i18n.language);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  const token = options.roomId ? guestToken(options.roomId) : undefined;
  if (token) headers.set('X-Room-Token', token);
  else if (UNSAFE.has(method)) {
    const csrf = await csrfToken().catch(() => undefined);
    if (csrf) headers.set(CSRF_HEADER, csrf);
  }
  const res = await fetch(`${env.apiOrigin}${path}`, {
    method,
    headers,
    credentials: 'include',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const body = (typeof data === 'object' && data !== null ? data : {}) as { code?: unknown; message?: unknown; requestId?: unknown };
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiError(
      res.status,
      {
        code: typeof body.code === 'string' ? body.code : `HTTP_${res.status}`,
        message: typeof body.message === 'string' ? body.message : res.statusText || 'Request failed',
        ...(typeof body.requestId === 'string' ? { requestId: body.requestId } : {}),
      },
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
