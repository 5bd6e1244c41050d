import 'reflect-metadata';
import { createApp, prepareDatabase } from './bootstrap';
import { resolveLogFormat } from './common/logging/log-format';
import { ConfigError, loadConfig } from './config/env';
import { ensureLocalSecretsKey } from './config/local-secrets-key';
import { findRepoRoot } from './config/repo-root';
import { resolveDatabase } from './database/database-url';
import type { RunningPostgres } from './database/embedded-postgres';
import { startEmbeddedRunner, type EmbeddedRunner } from './modules/judge/embedded-runner';

/** How long a failed start waits for the half-started app to close before it exits anyway. */
const STARTUP_FAILURE_CLOSE_MS = 10_000;

type Listeners = NodeJS.SignalsListener[];

/** The signals that stop the server: the app closes first, then its embedded Postgres, then the process exits. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Removes the stop-signal listeners added since `before` was taken. embedded-postgres installs an
 * exit hook that, on these signals, stops Postgres at once and exits on its own schedule: Postgres
 * then went down while the app was still closing, a connection pool's idle client was terminated
 * under it, the pool's unhandled 'error' ended the process, and Postgres was still shutting down
 * when it had gone (2 stops of 8 reproduced it; process.e2e-spec saw postmaster.pid left behind).
 * The hook's 'exit' listener stays, as a last resort if the process ends some other way.
 */
function keepStopSignals(before: Map<string, Listeners>): void {
  for (const signal of STOP_SIGNALS) {
    const ours = before.get(signal) ?? [];
    for (const listener of process.listeners(signal)) if (!ours.includes(listener)) process.off(signal, listener);
  }
}

async function main(): Promise<void> {
  let config;
  let secretsKey: ReturnType<typeof ensureLocalSecretsKey> = 'not needed';
  try {
    secretsKey = ensureLocalSecretsKey(process.env, findRepoRoot());
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee README.md (Configuration) for every variable and its default.\n`);
      process.exit(1);
    }
    throw e;
  }
  const quiet = config.LOG_LEVEL === 'silent';
  const say = (line: string) => quiet || process.stdout.write(`[goprep] ${line}\n`);
  if (secretsKey === 'created') say(`created the secrets key ${config.dataDir}/secrets-key (it encrypts stored SSO and webhook secrets: back it up with the data)`);

  let db: RunningPostgres | undefined;
  let runner: EmbeddedRunner | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string, code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`${signal}: stopping`);
    const closing = (async () => {
      await runner?.stop();
      await app?.close();
    })();
    try {
      // A failed start must end the process even when closing the half-started app hangs (a client
      // still waiting for a server that never answered): give it 10 s, then stop Postgres and exit.
      if (code === 0) await closing;
      else await Promise.race([closing, new Promise((done) => setTimeout(done, STARTUP_FAILURE_CLOSE_MS).unref())]);
    } finally {
      if (db?.owned) {
        say('stopping the embedded Postgres');
        await db.stop().catch((e: unknown) => say(`Postgres stop failed: ${String(e)}`));
      }
      process.exit(code);
    }
  };
  for (const signal of STOP_SIGNALS) process.once(signal, () => void shutdown(signal));
  const ownListeners = new Map<string, Listeners>(STOP_SIGNALS.map((signal) => [signal, process.listeners(signal)]));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    if (!config.DATABASE_URL) say(`starting the embedded Postgres (data in ${config.dataDir}/postgres)`);
    const verbose = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';
    db = await resolveDatabase(config, (line) => {
      // Recovery and first-run notices always show; the server's own chatter only when debugging.
      if (verbose || /^(found Postgres|removing a stale|initialising)/.test(line)) say(`postgres: ${line}`);
    });
    keepStopSignals(ownListeners);
    app = await createApp(config, db.url);
    const prepared = await prepareDatabase(app, config);
    if (prepared.migrations.length > 0) say(`applied migrations: ${prepared.migrations.join(', ')}`);
    if (prepared.bank) {
      const b = prepared.bank;
      say(`question bank: ${b.inserted} new, ${b.versioned} new versions, ${b.retired} retired, ${b.unchanged} unchanged`);
    }
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const ready = `ready: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`;
    // In a terminal the ready line stands out from the request logs: bold green with a blank line around it.
    const tty = resolveLogFormat(config.LOG_FORMAT, process.stdout.isTTY === true) === 'pretty' && process.stdout.hasColors?.() === true;
    if (tty && !quiet) process.stdout.write('\n');
    say(tty ? `\u001b[1;32m${ready}\u001b[0m` : ready);
    if (tty && !quiet) process.stdout.write('\n');
    if (config.JUDGE_EMBEDDED_RUNNER) runner = startEmbeddedRunner(config, db.url, say);
  } catch (e) {
    process.stderr.write(`[goprep] failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await shutdown('startup failure', 1);
  }
}

void main();
