import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options as PinoHttpOptions } from 'pino-http';
import { requestId } from '../http/request-id';

/** What a request's log lines say about it: who asked for what, not its headers. */
export interface RequestLogFields {
  id: unknown;
  method: string | undefined;
  url: string | undefined;
  remoteAddress: string | undefined;
  userAgent: string | undefined;
}

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string; ip?: string };

export function requestLogFields(req: LoggedRequest): RequestLogFields {
  return {
    id: req.id,
    method: req.method,
    url: req.originalUrl ?? req.url,
    // Express's `ip` follows TRUST_PROXY (the client behind a proxy); the socket's address otherwise.
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    userAgent: req.headers['user-agent'],
  };
}

export function responseLogFields(res: ServerResponse): { statusCode: number } {
  return { statusCode: res.statusCode };
}

/**
 * pino-http's options for the API (issue 17). pino-http binds a child logger to every request, at
 * any level, and pino serialises those bindings when the child is made: with pino's standard
 * serializers that was every request header, then every response header at the end, through a
 * redaction pass for the cookie, CSRF and Set-Cookie values. The request's line now carries the
 * fields above and the status; no header is serialised, so there is nothing secret to redact and
 * no per-request work for a field nobody reads.
 */
export function requestLogOptions(level: string): PinoHttpOptions {
  return {
    level,
    // The first middleware already assigned the id (see bootstrap); reuse it.
    genReqId: (req, res) => (req as { id?: string }).id ?? requestId(req, res),
    // The serializers get the raw request and response (pino's standard mapping is skipped).
    wrapSerializers: false,
    serializers: { req: requestLogFields, res: responseLogFields },
    autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/metrics' },
  };
}
