import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so tests that build several apps do not collide. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The histogram's child per (method, route, status), built once (issue 17: no label objects per request). */
  private readonly children = new Map<string, { observe(seconds: number): void }>();

  /** Labels by route template (`/api/questions/:id`), never by raw path, to bound cardinality. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const route = req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : req.path.startsWith('/api') ? 'unmatched' : 'static';
        const key = `${req.method} ${res.statusCode} ${route}`;
        let child = this.children.get(key);
        if (!child) this.children.set(key, (child = this.httpDuration.labels(req.method, route, String(res.statusCode))));
        child.observe(Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }
}
