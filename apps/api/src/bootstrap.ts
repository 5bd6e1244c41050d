import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { defaultTranslationsDir, loadBank, loadTranslations } from '@goprep/question-bank';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { csrfMiddleware } from './common/auth/csrf.middleware';
import { expressErrorHandler } from './common/errors/global-exception.filter';
import { createValidationPipe } from './common/errors/validation';
import { controllerRoutes, type RoutePrefix } from './common/http/controller-routes';
import { methodNotAllowed } from './common/http/method-not-allowed';
import { completeOpenApiDocument } from './common/http/openapi-document';
import { requestId } from './common/http/request-id';
import { dynamicCompression, precompressedStatic, sendWebFile } from './common/http/compression';
import { applyServerLimits, rejectHazardousBodies, requestTimeout } from './common/http/limits';
import type { AppConfig } from './config/env';
import { BankLoaderService, type BankLoadSummary } from './modules/questions/bank-loader.service';
import { MetricsService } from './modules/metrics/metrics.service';
import { SsoService } from './modules/sso/sso.service';
import { WebhooksService } from './modules/webhooks/webhooks.service';
import { migrateJudgeQueue } from './modules/judge/judge-queue';
import { migrateWebhookQueue } from './modules/webhooks/webhook-queue';

export const BODY_LIMIT = '512kb';
/** Every route under /api but the Prometheus endpoint. */
export const API_PREFIX: RoutePrefix = { prefix: 'api', exclude: ['metrics'] };

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('goprep API')
    .setDescription(
      'Interview practice for Go engineers. Errors are `{ code, message }`. Cookie-authenticated writes need the `goprep_csrf` cookie value in `X-CSRF-Token`; requests with an API token (`Authorization: Bearer gp_...`, see docs/api-tokens.md) do not.',
    )
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return completeOpenApiDocument(app, document);
}

/**
 * Builds the HTTP app exactly as production runs it (used by main, the CLIs and the e2e tests).
 * The DataSource is not connected yet; call `prepareDatabase` next.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  if (config.TRUST_PROXY) app.set('trust proxy', true);
  // First of all, so that even errors raised by early middleware carry the request id.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = requestId(req, res);
    next();
  });
  app.use(requestTimeout(config.REQUEST_TIMEOUT_MS));
  applyServerLimits(app.getHttpServer(), config.REQUEST_TIMEOUT_MS);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Monaco sets inline styles on its DOM nodes.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'worker-src': ["'self'", 'blob:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(app.get(MetricsService).middleware());
  app.use(dynamicCompression());
  app.use(methodNotAllowed(() => controllerRoutes(app, API_PREFIX)));
  app.use(cookieParser());
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(rejectHazardousBodies);
  app.use(csrfMiddleware(config.COOKIE_SECURE));
  app.use(expressErrorHandler);
  app.setGlobalPrefix(API_PREFIX.prefix, { exclude: API_PREFIX.exclude });
  app.useGlobalPipes(createValidationPipe({ compiled: config.VALIDATION_COMPILED }));

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    useGlobalPrefix: false,
  });

  if (config.webDistDir && existsSync(join(config.webDistDir, 'index.html'))) {
    serveWebApp(app, config.webDistDir);
  }
  return app;
}

/**
 * The built SPA: its precompressed brotli/gzip files where the client accepts them, hashed assets
 * cached for a year, and every other GET outside /api answered with index.html (revalidated).
 */
function serveWebApp(app: NestExpressApplication, dir: string): void {
  app.use(precompressedStatic(dir));
  const indexHtml = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/api') || req.path === '/metrics' || !req.accepts('html')) return next();
    sendWebFile(dir, indexHtml, req, res, next);
  });
}

/** Connects, applies pending migrations, re-encrypts secrets under an old key, and (optionally) loads the question bank. */
export async function prepareDatabase(
  app: NestExpressApplication,
  config: AppConfig,
  opts: { loadBank?: boolean } = {},
): Promise<{ migrations: string[]; bank?: BankLoadSummary }> {
  const ds = app.get(DataSource);
  if (!ds.isInitialized) await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  await migrateJudgeQueue((ds.options as { url: string }).url);
  await migrateWebhookQueue((ds.options as { url: string }).url);
  // Webhook jobs an earlier version queued in the judge's schema move to the webhooks' own.
  await app.get(WebhooksService).moveJobsFromJudgeQueue();
  // After a SECRETS_KEY rotation, move stored secrets to the new key (the old one can then go).
  await app.get(SsoService).resealSecrets();
  await app.get(WebhooksService).resealSecrets();
  const result: { migrations: string[]; bank?: BankLoadSummary } = { migrations: applied.map((m) => m.name) };
  if (opts.loadBank ?? config.BANK_LOAD_ON_START) {
    const bank = await loadBank(config.bankDir);
    // Translations with errors are left out (lint reports them); stale ones are stored and delivered as English.
    const translations = loadTranslations(defaultTranslationsDir(config.bankDir), bank.questions);
    result.bank = await app.get(BankLoaderService).load(bank, translations.translations);
  }
  return result;
}
