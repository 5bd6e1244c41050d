import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { secretsKeyProblems } from '../common/crypto/secret-box';
import { findRepoRoot } from './repo-root';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * Every setting goprep reads, with its default. The README's configuration table mirrors this
 * list; a bad value stops the boot with all problems listed at once.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port for the API and the built web app. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Postgres connection string; unset = run the embedded Postgres under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Where the embedded Postgres keeps its data. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Port of the embedded Postgres (loopback only). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: readable lines when stdout is a terminal, JSON lines otherwise; or force json / pretty. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** Seconds a session cookie's user is kept in memory between lookups (0: every request reads Postgres). */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Check bodies and queries with the validator compiled once per DTO (false: class-transformer + class-validator on every value). */
  VALIDATION_COMPILED: bool.default(true),
  /** Mark cookies Secure (set true behind HTTPS). */
  COOKIE_SECURE: bool.default(false),
  /** Trust X-Forwarded-* from a reverse proxy (client IP for rate limits). */
  TRUST_PROXY: bool.default(false),
  /** Folder of the question bank. */
  BANK_DIR: z.string().min(1).default('libs/question-bank/bank'),
  /** Load (upsert) the bank into Postgres at start. */
  BANK_LOAD_ON_START: bool.default(true),
  /** Built web app to serve; empty = API only. */
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  /** Public base URL used in links (invites); default http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Failed logins allowed per account per 15 minutes before 429. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Login attempts allowed per client IP per 15 minutes before 429. */
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100000).default(30),
  /** Milliseconds after an attempt's deadline during which saves still count (network delay). */
  ATTEMPT_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** A request still unanswered after this many ms gets 503 SERVER_TIMEOUT; clients slower than this to send one get 408. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** How often each instance sweeps overdue attempts, in ms; 0 = never (tests call the sweep). */
  ATTEMPT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** How often each instance looks for learners due an FSRS parameter fit, in ms; 0 = never (tests call the job). */
  SRS_OPTIMIZER_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** Code-task "Run" presses allowed per user per minute. */
  JUDGE_RUNS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** How often each instance applies verdicts of final judging to attempt grades, in ms (besides on every runner notification); 0 = only on notifications. */
  JUDGE_APPLY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** Start one judge runner (apps/runner) beside the API, on the same database; false when runners are deployed on their own. */
  JUDGE_EMBEDDED_RUNNER: bool.default(true),
  /** Bearer token Prometheus sends to GET /metrics (`Authorization: Bearer <token>`); unset = /metrics is off (404). */
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,256}$/, 'must be 16 to 256 printable ASCII characters without spaces').optional(),
  /** SMTP server for invite mails as a URL (smtp://user:pass@host:587, smtps://...:465); or use SMTP_HOST. Unset = no mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must look like smtp://user:pass@host:port or smtps://...').optional(),
  /** SMTP server host (instead of SMTP_URL). */
  SMTP_HOST: z.string().min(1).optional(),
  /** SMTP port; default 465 when SMTP_SECURE, else 587. */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Implicit TLS from the first byte (port 465); false = STARTTLS when the server offers it. */
  SMTP_SECURE: bool.optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  /** Sender of invite mails, "goprep <no-reply@example.com>" or a bare address; required with SMTP. */
  SMTP_FROM: z.string().regex(/^([^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address or "Name <address>"').optional(),
  /** Let webhook endpoints target loopback, private, link-local and other internal addresses (off: such URLs are refused at registration and at delivery). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** Run the webhook delivery worker (graphile-worker, webhook task only) in this API instance. */
  WEBHOOK_WORKER: bool.default(true),
  /** Delay before a failed webhook delivery's first retry, in ms; each further retry waits twice as long. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Longest wait between two webhook delivery attempts, in ms. */
  WEBHOOK_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(10).max(86_400_000).default(4 * 3_600_000),
  /** Attempts per webhook delivery (the first included) before it is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
  /** Timeout of one webhook request, in ms. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** How often the webhook worker looks for retries that have come due, in ms (new events are picked up at once). */
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /** Key (32 bytes, base64) that encrypts stored secrets (OIDC client secrets, webhook secrets) with AES-256-GCM; required in production, a fixed development key otherwise. */
  SECRETS_KEY: z.string().optional(),
  /** Older keys (comma-separated, base64) still accepted for reading secrets sealed before a rotation. */
  SECRETS_KEY_PREVIOUS: z.string().optional(),
  /** DNS servers asked for SSO domain-verification TXT records, comma-separated `ip` or `ip:port` (IPv6 as `[ip]:port`); unset = the system's resolvers. */
  SSO_DNS_SERVERS: z
    .string()
    .regex(/^\s*(\[[0-9a-fA-F:.]+\](:\d{1,5})?|[0-9a-fA-F:.]+|\d{1,3}(\.\d{1,3}){3}:\d{1,5})\s*(,\s*(\[[0-9a-fA-F:.]+\](:\d{1,5})?|[0-9a-fA-F:.]+|\d{1,3}(\.\d{1,3}){3}:\d{1,5})\s*)*$/, 'must be comma-separated IP addresses, each optionally with :port (IPv6 as [ip]:port)')
    .optional(),
  /** Redis shared by several API instances (redis://[user:pass@]host:port[/db], rediss:// for TLS): live rooms relay their documents through it. Unset = each instance serves its rooms alone. */
  REDIS_URL: z.string().regex(/^rediss?:\/\/[^\s/?#]+(\/\d{1,2})?$/, 'must look like redis://[user:pass@]host:port[/db] or rediss://...').optional(),
});

export type RawEnv = z.infer<typeof envSchema>;

export interface AppConfig extends RawEnv {
  repoRoot: string;
  /** Absolute paths. */
  dataDir: string;
  bankDir: string;
  webDistDir: string | null;
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The SMTP settings that only make sense together (the schema checks each one alone). */
export function smtpProblems(raw: RawEnv): string[] {
  const problems: string[] = [];
  if (raw.SMTP_URL && raw.SMTP_HOST) problems.push('SMTP_URL, SMTP_HOST: set one of them, not both');
  const hostOnly = (['SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS'] as const).filter((key) => raw[key] !== undefined);
  if (!raw.SMTP_HOST && hostOnly.length > 0) problems.push(`${hostOnly.join(', ')}: need SMTP_HOST (with SMTP_URL, put them in the URL)`);
  if (raw.SMTP_HOST && (raw.SMTP_USER === undefined) !== (raw.SMTP_PASS === undefined)) problems.push('SMTP_USER, SMTP_PASS: set both or neither');
  if ((raw.SMTP_URL || raw.SMTP_HOST) && !raw.SMTP_FROM) problems.push('SMTP_FROM: required when SMTP is configured');
  return problems;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" so that `FOO= npm start` falls back to the default.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const raw = parsed.data;
  const smtp = [...smtpProblems(raw), ...secretsKeyProblems(raw)];
  if (smtp.length > 0) throw new ConfigError(smtp);
  const repoRoot = findRepoRoot();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(repoRoot, p));
  return {
    ...raw,
    repoRoot,
    dataDir: abs(raw.DATA_DIR),
    bankDir: abs(raw.BANK_DIR),
    webDistDir: raw.WEB_DIST_DIR ? abs(raw.WEB_DIST_DIR) : null,
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
  };
}
