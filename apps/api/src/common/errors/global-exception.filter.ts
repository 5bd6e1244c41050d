import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import type { ErrorBodyDto } from './error-body.dto';
import { ErrorCode, statusFor } from './error-codes';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001']);

/** By shape, not instanceof: socket errors may come from another realm (vm contexts, workers). */
function isDbUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(message);
}

/** Maps Nest's built-in HTTP errors (unknown route, body parser) to our codes. */
function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.NOT_FOUND:
      return ErrorCode.NOT_FOUND;
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.UNAUTHENTICATED;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.FORBIDDEN;
    case HttpStatus.METHOD_NOT_ALLOWED:
      return ErrorCode.METHOD_NOT_ALLOWED;
    case HttpStatus.TOO_MANY_REQUESTS:
      return ErrorCode.RATE_LIMITED;
    default:
      return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED;
  }
}

const logger = new Logger('Errors');

/** Sends the `{ code, message }` body for any error: used by the Nest filter and by Express. */
export function sendError(error: unknown, req: Request & { id?: unknown }, res: Response): void {
  const requestId = String(req.id ?? res.getHeader('x-request-id') ?? '');
  const { status, body, headers } = toErrorResponse(error, requestId, req);
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // A handler may have set another type (text/csv) before failing; the error body is JSON.
  res.type('application/json');
  res.status(status).json(body);
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendError(error, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }
}

/** Errors raised by Express middleware (body parser, CSRF) before Nest's router is reached. */
export function expressErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  sendError(error, req, res);
}

export function toErrorResponse(
    error: unknown,
    requestId: string,
    req: Request,
  ): { status: number; body: ErrorBodyDto; headers: Record<string, string> } {
    if (error instanceof AppError) {
      return {
        status: statusFor(error.code),
        body: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), requestId },
        headers: error.headers ?? {},
      };
    }
    // body-parser errors carry a `type`; they reach us wrapped or bare depending on the layer.
    const parserType = (error as { type?: string }).type;
    if (parserType === 'entity.parse.failed') {
      return { status: 400, body: { code: ErrorCode.BAD_JSON, message: 'The request body is not valid JSON.', requestId }, headers: {} };
    }
    if (parserType === 'entity.too.large') {
      return { status: 413, body: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is too large.', requestId }, headers: {} };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = codeForHttpStatus(status);
      const message =
        code === ErrorCode.NOT_FOUND ? `No route ${req.method} ${req.path}.` : error.message || 'Request failed.';
      if (status >= 500) logger.error({ err: error, requestId }, 'HTTP exception');
      return { status, body: { code, message, requestId }, headers: {} };
    }
    if (isDbUnavailable(error) || (error instanceof QueryFailedError && isDbUnavailable(error.driverError))) {
      logger.warn({ err: error, requestId }, 'database unavailable');
      return {
        status: 503,
        body: { code: ErrorCode.DB_UNAVAILABLE, message: 'The database is unavailable; try again shortly.', requestId },
        headers: { 'Retry-After': '5' },
      };
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    return {
      status: 500,
      body: { code: ErrorCode.INTERNAL, message: `Something went wrong on our side (request ${requestId}).`, requestId },
      headers: {},
    };
}
