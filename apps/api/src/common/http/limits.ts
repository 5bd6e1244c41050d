import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { ErrorCode, statusFor } from '../errors/error-codes';
import { sendError } from '../errors/global-exception.filter';

/**
 * Node's own limits on the listening server: a client gets `timeoutMs` to send a whole request
 * (slow-loris), headers a bit less, and idle keep-alive sockets outlive a load balancer's (60 s).
 */
export function applyServerLimits(server: Server, timeoutMs: number): void {
  server.requestTimeout = timeoutMs;
  server.headersTimeout = Math.min(timeoutMs, 20_000);
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => clientError(err, socket));
}

/**
 * Errors of the HTTP parser never reach Express; Node would answer them with an empty body.
 * Answer in the API's `{ code, message }` shape instead.
 */
function clientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [ErrorCode.HEADERS_TOO_LARGE, 'The request line or headers are too large.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [ErrorCode.REQUEST_TIMEOUT, 'The request took too long to arrive.']
        : [ErrorCode.MALFORMED_REQUEST, 'The request is not valid HTTP.'];
  const status = statusFor(code);
  const body = JSON.stringify({ code, message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Every route answers within `timeoutMs`: when the handler has not responded by then, the client
 * gets 503 SERVER_TIMEOUT (with Retry-After) and whatever the handler sends later is dropped.
 */
export function requestTimeout(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      sendError(new AppError(ErrorCode.SERVER_TIMEOUT, `No answer within ${timeoutMs} ms; try again.`, undefined, { 'Retry-After': '5' }), req, res);
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** A lone UTF-16 surrogate or a NUL: neither survives UTF-8 or a Postgres text/jsonb column. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const illFormed = (s: string): boolean => s.includes('\0') || LONE_SURROGATE.test(s);

/** Deeper than any body the API accepts; class-transformer recurses per level and overflowed the stack at ~3 000. */
export const MAX_JSON_DEPTH = 32;

/** What is wrong with a parsed body, or null: too deep, or a string (value or key) that cannot be stored. Iterative. */
export function bodyProblem(root: unknown): 'too-deep' | 'unstorable' | null {
  const stack: Array<[unknown, number]> = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value === 'string') {
      if (illFormed(value)) return 'unstorable';
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) return 'too-deep';
      for (const [k, v] of Object.entries(value)) {
        if (illFormed(k)) return 'unstorable';
        stack.push([v, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * Refuses bodies that would break the code behind the edge with a 500: nesting deeper than
 * MAX_JSON_DEPTH (class-transformer's recursion overflowed the stack) and strings that cannot be
 * stored (validator's isEmail threw a URIError on a lone surrogate; Postgres refuses NUL).
 */
export function rejectHazardousBodies(req: Request, _res: Response, next: NextFunction): void {
  const problem = req.body === undefined ? null : bodyProblem(req.body);
  if (problem === 'too-deep') {
    next(new AppError(ErrorCode.VALIDATION_FAILED, `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`));
    return;
  }
  if (problem === 'unstorable') {
    next(new AppError(ErrorCode.VALIDATION_FAILED, 'Text in the request must be well-formed Unicode without NUL characters.'));
    return;
  }
  next();
}
