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

  /** Labels by route template (`/api/questions/:id`), never by raw path, to bound cardinality. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : req.path.startsWith('/api') ? 'unmatched' : 'static';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }
}
