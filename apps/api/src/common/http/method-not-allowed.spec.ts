import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { methodNotAllowed, RouteIndex, routeTable } from './method-not-allowed';

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

describe('RouteIndex', () => {
  // The API's own documented paths: the index must find exactly what trying every pattern finds.
  const documented = (JSON.parse(readFileSync(join(__dirname, '../../../openapi.json'), 'utf8')) as { paths: Record<string, object> }).paths;
  const table = routeTable({ ...documented, '/api/{kind}/x': { get: {} }, '/api/things-{id}': { get: {} }, '/{any}': { get: {} } });
  const index = new RouteIndex(table);
  const linear = (path: string) => table.filter((r) => r.pattern.test(path));

  it('should find the same routes, in the same order, as trying every pattern', () => {
    const probes = new Set<string>(['/', '', '/api', '/api/', '/metrics', '/metrics/', '/api//', '/api/things-1', '/api/ORGS', '/x/y/z']);
    for (const path of Object.keys(documented)) {
      for (const value of ['1', 'join', 'a.b', '']) {
        const concrete = path.replace(/\{[^}]+\}/g, value);
        for (const variant of [concrete, `${concrete}/`, `${concrete}//`, `${concrete}/extra`, concrete.slice(0, concrete.lastIndexOf('/'))]) probes.add(variant);
      }
    }
    expect(probes.size).toBeGreaterThan(400);
    let matched = 0;
    for (const path of probes) {
      const expected = linear(path);
      if (expected.length > 0) matched += 1;
      expect({ path, routes: index.candidates(path).map((r) => r.source) }).toEqual({ path, routes: expected.map((r) => r.source) });
    }
    expect(matched).toBeGreaterThan(200);
  });
});
