import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';

interface Route {
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
    return { pattern: new RegExp(`^${source}/?$`), methods, params: (path.match(/\{[^}]+\}/g) ?? []).length };
  });
}

/**
 * A known path asked with a method it does not have is 405 METHOD_NOT_ALLOWED with an Allow
 * header (RFC 9110), not 404: the resource exists. The table is built on the first request, from
 * the same OpenAPI document the API publishes, so it cannot drift from the routes.
 */
export function methodNotAllowed(paths: () => Record<string, object>) {
  let table: Route[] | undefined;
  return (req: Request, _res: Response, next: NextFunction): void => {
    table ??= routeTable(paths());
    const candidates = table.filter((r) => r.pattern.test(req.path));
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
