import { HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from './app-error';
import { ErrorCode, statusFor } from './error-codes';
import { toErrorResponse } from './global-exception.filter';

const req = { method: 'GET', path: '/api/x' } as Request;

describe('toErrorResponse', () => {
  it('should map an AppError to its status, code, fields and headers', () => {
    const error = new AppError(ErrorCode.RATE_LIMITED, 'slow down', undefined, { 'Retry-After': '60' });
    expect(toErrorResponse(error, 'r1', req)).toEqual({
      status: 429,
      body: { code: 'RATE_LIMITED', message: 'slow down', requestId: 'r1' },
      headers: { 'Retry-After': '60' },
    });
  });

  it('should map body-parser failures to BAD_JSON and PAYLOAD_TOO_LARGE', () => {
    expect(toErrorResponse(Object.assign(new Error('x'), { type: 'entity.parse.failed' }), 'r', req).body.code).toBe('BAD_JSON');
    expect(toErrorResponse(Object.assign(new Error('x'), { type: 'entity.too.large' }), 'r', req).status).toBe(413);
  });

  it("should map Nest's own HTTP exceptions to our codes", () => {
    expect(toErrorResponse(new NotFoundException(), 'r', req).body).toMatchObject({ code: 'NOT_FOUND', message: 'No route GET /api/x.' });
    expect(toErrorResponse(new PayloadTooLargeException(), 'r', req).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should treat a refused database connection as 503 DB_UNAVAILABLE with Retry-After, whatever realm made the error', () => {
    const plainObject = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' };
    const res = toErrorResponse(plainObject, 'r', req);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('DB_UNAVAILABLE');
    expect(res.headers['Retry-After']).toBe('5');
  });

  it('should hide the details of an unknown error behind a generic 500 with the request id', () => {
    const res = toErrorResponse(new TypeError('secret internals'), 'req-42', req);
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(res.body.message).not.toContain('secret');
    expect(res.body.message).toContain('req-42');
  });
});

describe('statusFor', () => {
  it('should give every error code a 4xx or 5xx status', () => {
    for (const code of Object.values(ErrorCode)) {
      const status = statusFor(code);
      expect(status).toBeGreaterThanOrEqual(HttpStatus.BAD_REQUEST);
    }
  });
});
