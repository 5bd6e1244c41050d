import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { createApiClient, type ApiClient } from '@goprep/api-client';
import { createApp, embeddedUrl, loadConfig, prepareDatabase, type AppConfig } from '@goprep/api/testing';
import { Client } from 'pg';
import request from 'supertest';
import { e2eDatabase, TEMPLATE_DB } from './e2e-env';
import type { TcpProxy } from './tcp-proxy';

export interface TestApp {
  app: INestApplication;
  server: Server;
  /** Base URL of the listening server, for the typed client. */
  url: string;
  config: AppConfig;
  /** This suite's database; pass it as `database` to start another app on the same data. */
  database: string;
  /** A direct connection to this suite's database, for assertions on stored state. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Stops the app; drops the database unless `keepDatabase` (to restart on it). */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const { port } = e2eDatabase();
  const client = new Client({ connectionString: embeddedUrl(port, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The real app on its own clone of the template database (migrated, bank loaded), or, with
 * `database`, on the database of an earlier app (a restart: same data, new process state).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { proxy?: TcpProxy; database?: string; /** Listen here (when PUBLIC_URL must name the port); default any free port. */ port?: number } = {},
): Promise<TestApp> {
  const name = opts.database ?? `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  if (!/^t_[0-9a-f]{20}$/.test(name)) throw new Error(`not a test database name: ${name}`);
  if (!opts.database) await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  const pgPort = e2eDatabase().port;
  const appPort = opts.proxy ? await opts.proxy.start() : pgPort;
  const url = embeddedUrl(appPort, name);
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '', ...env });
  const app = await createApp(config, url);
  await prepareDatabase(app, config, { loadBank: false });
  await app.listen(opts.port ?? 0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const db = new Client({ connectionString: embeddedUrl(pgPort, name) });
  await db.connect();
  // One connection: queries asked at once run in turn (pg 8 deprecates queueing a query behind a
  // running one on the same client; pg 9 refuses it).
  let turn: Promise<unknown> = Promise.resolve();
  return {
    app,
    server,
    url: `http://127.0.0.1:${port}`,
    config,
    database: name,
    sql: <T>(text: string, params?: unknown[]) => {
      const run = turn.then(() => db.query(text, params));
      turn = run.catch(() => undefined);
      return run.then((result) => result.rows as T[]);
    },
    close: async (closeOpts = {}) => {
      await db.end();
      await app.close();
      if (!closeOpts.keepDatabase) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A supertest agent that keeps cookies and echoes the CSRF token, like a browser tab. */
export class Browser {
  readonly agent: ReturnType<typeof request.agent>;
  private csrf = '';

  constructor(server: Server) {
    this.agent = request.agent(server);
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const res = await this.agent.get('/api/auth/csrf').expect(200);
      this.csrf = (res.body as { token: string }).token;
    }
    return this.csrf;
  }

  get(path: string) {
    return this.agent.get(path);
  }

  // The token is fetched before the request is created: the agent attaches its cookies at creation.
  async post(path: string, body?: object) {
    const token = await this.csrfToken();
    return this.agent.post(path).set('X-CSRF-Token', token).send(body);
  }

  async put(path: string, body?: object) {
    const token = await this.csrfToken();
    return this.agent.put(path).set('X-CSRF-Token', token).send(body);
  }

  async register(email: string, password = 'correct horse battery', displayName = 'Tester') {
    return this.post('/api/auth/register', { email, password, displayName });
  }
}

/** A Node fetch with a cookie jar, so the generated client can act as a logged-in browser. */
export function cookieFetch(): { fetch: typeof fetch; cookie(name: string): string | undefined } {
  const jar = new Map<string, string>();
  const wrapped: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    if (jar.size > 0) req.headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(req);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const key = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(key);
      else jar.set(key, value);
    }
    return res;
  };
  return { fetch: wrapped, cookie: (name) => jar.get(name) };
}

/** The generated client acting as one browser against a listening test app. */
export async function clientFor(testApp: TestApp): Promise<ApiClient> {
  const jar = cookieFetch();
  const client = createApiClient({
    baseUrl: testApp.url,
    fetch: jar.fetch,
    getCsrfToken: () => {
      const raw = jar.cookie('goprep_csrf');
      return raw ? decodeURIComponent(raw) : undefined;
    },
  });
  await client.GET('/api/auth/csrf');
  return client;
}
