import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Req, SetMetadata } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AUTH_SCHEME, Public, type AuthScheme } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { MetricsService } from './metrics.service';

/** Constant-time comparison of the presented bearer token with the configured one. */
function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfigService,
  ) {}

  /** No session: Prometheus authenticates with METRICS_TOKEN; without one configured the route is off. */
  @Public()
  @SetMetadata(AUTH_SCHEME, 'metrics' satisfies AuthScheme)
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format), for a scraper with METRICS_TOKEN' })
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  scrape(@Req() req: Request): Promise<string> {
    const token = this.config.get('METRICS_TOKEN');
    if (!token) throw new AppError(ErrorCode.NOT_FOUND, 'Metrics are off: set METRICS_TOKEN to serve them.');
    const presented = /^Bearer ([\x21-\x7e]+)$/.exec(req.header('authorization') ?? '')?.[1];
    if (presented === undefined || !sameToken(presented, token)) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Send the METRICS_TOKEN as a bearer token.', undefined, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    return this.metrics.registry.metrics();
  }
}
