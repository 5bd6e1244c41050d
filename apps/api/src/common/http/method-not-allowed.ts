import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';

interface Route {
  pattern: RegExp;
  methods: string[];
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
    return { pattern: new RegExp(`^${source}/?$`), methods };
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
    const matches = table.filter((r) => r.pattern.test(req.path));
    if (matches.length === 0) return next();
    const allowed = [...new Set(matches.flatMap((r) => r.methods))];
    if (allowed.includes(req.method)) return next();
    next(new AppError(ErrorCode.METHOD_NOT_ALLOWED, `${req.method} is not allowed on ${req.path}.`, undefined, { Allow: allowed.join(', ') }));
  };
}
