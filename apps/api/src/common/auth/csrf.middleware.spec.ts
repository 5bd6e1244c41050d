import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { csrfMiddleware } from './csrf.middleware';

function run(method: string, url: string, cookies: Record<string, string>, header?: string, authorization?: string) {
  const setCookies: string[] = [];
  const headers: Record<string, string | undefined> = { 'x-csrf-token': header, authorization };
  const req = { method, originalUrl: url, cookies, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  const res = { cookie: (name: string) => setCookies.push(name) } as unknown as Response;
  let passed: unknown = 'not called';
  const next: NextFunction = (err?: unknown) => {
    passed = err;
  };
  csrfMiddleware(false)(req, res, next);
  return { passed, setCookies };
}

describe('csrfMiddleware', () => {
  it('should let safe methods through and hand out a token cookie when there is none', () => {
    const { passed, setCookies } = run('GET', '/api/me', {});
    expect(passed).toBeUndefined();
    expect(setCookies).toEqual(['goprep_csrf']);
  });

  it('should let a write through when the header echoes the cookie', () => {
    expect(run('POST', '/api/orgs', { goprep_csrf: 'abc' }, 'abc').passed).toBeUndefined();
  });

  it('should refuse a write whose header is missing or different', () => {
    for (const header of [undefined, 'abd', 'ab']) {
      const { passed } = run('POST', '/api/orgs', { goprep_csrf: 'abc' }, header);
      expect(passed).toBeInstanceOf(AppError);
      expect((passed as AppError).code).toBe('CSRF_INVALID');
    }
  });

  it('should refuse a write when the cookie is missing even if a header is sent', () => {
    expect((run('PUT', '/api/x', {}, 'forged').passed as AppError).code).toBe('CSRF_INVALID');
  });

  it('should let a bearer write through without a CSRF token, and hand it no cookie', () => {
    const { passed, setCookies } = run('POST', '/api/orgs/x/sets', {}, undefined, 'Bearer gp_abc');
    expect(passed).toBeUndefined();
    expect(setCookies).toEqual([]);
  });

  it('should not mistake another Authorization scheme for a bearer token', () => {
    expect((run('POST', '/api/orgs', {}, undefined, 'Basic dXNlcjpwYXNz').passed as AppError).code).toBe('CSRF_INVALID');
    expect((run('POST', '/api/orgs', {}, undefined, 'Bearerish x').passed as AppError).code).toBe('CSRF_INVALID');
  });
});
