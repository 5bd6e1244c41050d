/**
 * What the e2e suites may use of the API: build the real app, start a real Postgres. Exposed as
 * `@goprep/api/testing` so test projects never reach into the API's folders.
 */
export { API_PREFIX, createApp, prepareDatabase } from './bootstrap';
export { controllerRoutes } from './common/http/controller-routes';
export { loadConfig } from './config/env';
export type { AppConfig } from './config/env';
export { embeddedUrl, isAlive, startEmbeddedPostgres } from './database/embedded-postgres';
export type { RunningPostgres } from './database/embedded-postgres';
export { ErrorCode } from './common/errors/error-codes';
export { BankLoaderService } from './modules/questions/bank-loader.service';
export { AttemptSweepService } from './modules/attempts/attempt-sweep.service';
export { SetStatisticsService } from './modules/results/set-statistics.service';
export { QuestionSetsService } from './modules/question-sets/question-sets.service';
export { DrillsClock } from './modules/drills/drills-clock';
export { SrsOptimizerService } from './modules/drills/srs-optimizer.service';
export { Clock } from './modules/attempts/clock';
export { InviteAttemptGuard1764500000000 } from './database/migrations/1764500000000-InviteAttemptGuard';
export { IncrementalItemStatistics1764803000000 } from './database/migrations/1764803000000-IncrementalItemStatistics';
export { PasswordResetService } from './modules/accounts/password-reset.service';
export { SessionCacheService } from './modules/accounts/session-cache.service';
export { SecretBox, secretBoxFromEnv } from './common/crypto/secret-box';
export { SsoDomainProof1764808000000 } from './database/migrations/1764808000000-SsoDomainProof';
export { RoomDocService } from './modules/rooms/room-doc.service';
export { WEBHOOK_POOL_NAME } from './modules/webhooks/webhook-delivery.service';
export { WEBHOOK_QUEUE_SCHEMA } from './modules/webhooks/webhook-queue';
