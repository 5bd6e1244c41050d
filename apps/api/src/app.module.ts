import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { destination, type DestinationStream } from 'pino';
import { prettyDestination, resolveLogFormat } from './common/logging/log-format';
import { requestLogOptions } from './common/logging/request-log';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { AppConfigService } from './config/app-config.service';
import { SecretBox, secretBoxFromEnv } from './common/crypto/secret-box';
import type { AppConfig } from './config/env';
import { dataSourceOptions } from './database/data-source-options';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AttemptsModule } from './modules/attempts/attempts.module';
import { DeckExportModule } from './modules/deck-export/deck-export.module';
import { DrillsModule } from './modules/drills/drills.module';
import { HealthModule } from './modules/health/health.module';
import { MeModule } from './modules/me/me.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { OrgQuestionsModule } from './modules/org-questions/org-questions.module';
import { QuestionsModule } from './modules/questions/questions.module';
import { AuditModule } from './modules/audit/audit.module';
import { QuestionSetsModule } from './modules/question-sets/question-sets.module';
import { InvitesModule } from './modules/invites/invites.module';
import { CandidateModule } from './modules/candidate/candidate.module';
import { ResultsModule } from './modules/results/results.module';
import { JudgeModule } from './modules/judge/judge.module';
import { SsoModule } from './modules/sso/sso.module';
import { RoomsModule } from './modules/rooms/rooms.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: class ConfigModule {},
          global: true,
          providers: [{ provide: AppConfigService, useValue: new AppConfigService(config) }, { provide: SecretBox, useValue: secretBoxFromEnv(config) }],
          exports: [AppConfigService, SecretBox],
        },
        LoggerModule.forRoot({
          // nestjs-pino's default '*' route is legacy syntax for Nest 11's router.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: withDestination(config, requestLogOptions(config.LOG_LEVEL)),
        }),
        // The DataSource is initialised by the caller (after the embedded Postgres is up, and
        // never for OpenAPI generation), then migrations run before the server listens.
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), manualInitialization: true }),
        MetricsModule,
        HealthModule,
        AccountsModule,
        OrganizationsModule,
        MeModule,
        QuestionsModule,
        AttemptsModule,
        OrgQuestionsModule,
        DrillsModule,
        DeckExportModule,
        AuditModule,
        QuestionSetsModule,
        InvitesModule,
        CandidateModule,
        ResultsModule,
        JudgeModule,
        SsoModule,
        RoomsModule,
        WebhooksModule,
        ApiTokensModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }],
    };
  }
}

/**
 * Pretty lines on a terminal (LOG_FORMAT=auto), JSON lines to stdout otherwise. The JSON
 * destination writes asynchronously (issue 17): a request's log line no longer blocks the event
 * loop on a write(2) to a pipe; lines logged while a write is in flight go out together in the
 * next one, and pino flushes what is left synchronously when the process exits.
 */
function withDestination(config: AppConfig, options: PinoHttpOptions): [PinoHttpOptions, DestinationStream] {
  return resolveLogFormat(config.LOG_FORMAT, process.stdout.isTTY === true) === 'pretty'
    ? [options, prettyDestination(process.stdout)]
    : [options, destination({ dest: 1, sync: false })];
}
