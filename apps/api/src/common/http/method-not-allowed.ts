import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';

export interface Route {
  /** The documented path, `/api/orgs/{orgId}`. */
  source: string;
  pattern: RegExp;
  methods: string[];
  /** How many `{param}` segments the path has: a literal segment is more specific than a parameter. */
  params: number;
}

/** The documented paths (`/api/orgs/{orgId}`) as matchers, each with the methods it answers. */
export function routeTable(paths: Record<string, object>): Route[] {
  return Object.entries(paths).map(([path, item]) => {
    const methods = Object.keys(item)
      .filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k))
      .map((m) => m.toUpperCase());
    // Express answers HEAD with the GET handler.
    if (methods.includes('GET')) methods.push('HEAD');
    const source = path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { source: path, pattern: new RegExp(`^${source}/?$`), methods, params: (path.match(/\{[^}]+\}/g) ?? []).length };
  });
}

/**
 * The routes a path can match, found without trying every pattern: a match has as many segments
 * as the path (a parameter never spans a `/`; one trailing slash is allowed) and, when the route's
 * first segments are literal, exactly the path's first segments.
 */
export class RouteIndex {
  private readonly buckets = new Map<string, Route[]>();
  private readonly order = new Map<Route, number>();

  constructor(routes: Route[]) {
    for (const [i, route] of routes.entries()) {
      this.order.set(route, i);
      const key = RouteIndex.key(route.source.split('/'), true);
      this.buckets.set(key, [...(this.buckets.get(key) ?? []), route]);
    }
  }

  /** The routes whose pattern matches `path` (in table order). */
  candidates(path: string): Route[] {
    const parts = (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).split('/');
    const exact = this.buckets.get(RouteIndex.key(parts)) ?? [];
    const loose = this.buckets.get(`${parts.length}`) ?? [];
    const found = [...exact, ...loose].filter((r) => r.pattern.test(path));
    return exact.length > 0 && loose.length > 0 ? found.sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0)) : found;
  }

  /** `segments count + head`, where head is the first three segments; a route with a parameter among them has no head. */
  private static key(parts: string[], isRoute = false): string {
    const head = parts.slice(0, HEAD_SEGMENTS);
    if (isRoute && head.some((p) => p.includes('{'))) return `${parts.length}`;
    return `${parts.length} ${head.join('/')}`;
  }
}

/** `''`, `api` and the resource: enough to split the table into a few routes per bucket. */
const HEAD_SEGMENTS = 3;

/**
 * A known path asked with a method it does not have is 405 METHOD_NOT_ALLOWED with an Allow
 * header (RFC 9110), not 404: the resource exists. The table is built on the first request from
 * `paths` in the OpenAPI document's shape: the controllers' own routes (`controllerRoutes`, held
 * equal to the published document by tests/api-e2e/src/platform.e2e-spec.ts), so it cannot drift from the routes.
 */
export function methodNotAllowed(paths: () => Record<string, object>) {
  let index: RouteIndex | undefined;
  return (req: Request, _res: Response, next: NextFunction): void => {
    index ??= new RouteIndex(routeTable(paths()));
    const candidates = index.candidates(req.path);
    if (candidates.length === 0) return next();
    // `/api/rooms/join` is the documented join resource, not a room whose id is "join": only the
    // most specific paths (fewest parameters) that match speak for the resource.
    const fewest = Math.min(...candidates.map((r) => r.params));
    const matches = candidates.filter((r) => r.params === fewest);
    const allowed = [...new Set(matches.flatMap((r) => r.methods))];
    if (allowed.includes(req.method)) return next();
    next(new AppError(ErrorCode.METHOD_NOT_ALLOWED, `${req.method} is not allowed on ${req.path}.`, undefined, { Allow: allowed.join(', ') }));
  };
}
