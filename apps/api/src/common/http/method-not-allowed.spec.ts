import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { methodNotAllowed } from './method-not-allowed';

const paths = {
  '/api/orgs': { get: {}, post: {} },
  '/api/orgs/{orgId}/sets/{setId}': { get: {} },
  '/api/rooms/join': { post: {} },
  '/api/rooms/{id}': { get: {} },
  '/metrics': { get: {} },
};

function run(method: string, path: string): unknown {
  let passed: unknown = 'not called';
  const next: NextFunction = (e?: unknown) => {
    passed = e;
  };
  methodNotAllowed(() => paths)({ method, path } as Request, {} as Response, next);
  return passed;
}

describe('methodNotAllowed', () => {
  it('should pass the methods a path has, HEAD with GET, and paths it does not know', () => {
    expect(run('GET', '/api/orgs')).toBeUndefined();
    expect(run('POST', '/api/orgs')).toBeUndefined();
    expect(run('HEAD', '/api/orgs/1/sets/2')).toBeUndefined();
    expect(run('DELETE', '/api/unknown')).toBeUndefined();
    expect(run('GET', '/quiz/123')).toBeUndefined();
  });

  it('should answer another method on a known path with 405 and the Allow header', () => {
    const e = run('TRACE', '/api/orgs') as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('METHOD_NOT_ALLOWED');
    expect(e.headers).toEqual({ Allow: 'GET, POST, HEAD' });
    expect((run('DELETE', '/api/orgs/a/sets/b') as AppError).headers).toEqual({ Allow: 'GET, HEAD' });
    expect((run('POST', '/metrics') as AppError).code).toBe('METHOD_NOT_ALLOWED');
  });

  it('should let a literal path speak for itself, not a parameterised path that also matches it', () => {
    // /api/rooms/join is the join resource, not a room with the id "join".
    expect((run('OPTIONS', '/api/rooms/join') as AppError).headers).toEqual({ Allow: 'POST' });
    expect((run('GET', '/api/rooms/join') as AppError).code).toBe('METHOD_NOT_ALLOWED');
    expect(run('GET', '/api/rooms/6f1c')).toBeUndefined();
  });

  it('should not let a parameter span two segments', () => {
    expect(run('DELETE', '/api/orgs/a/b/sets/c')).toBeUndefined();
  });
});
