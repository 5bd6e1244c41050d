import { startApp, type RunningApp } from '@goprep/test-support';
import { cookieFetch } from './support/test-app';

type Json = Record<string, unknown>;

/** One browser against the running process: cookies kept, the CSRF cookie echoed in the header. */
function browser(base: string) {
  const jar = cookieFetch();
  const send = async (method: string, path: string, body?: object): Promise<{ status: number; body: Json }> => {
    if (!jar.cookie('goprep_csrf')) await jar.fetch(`${base}/api/auth/csrf`);
    const res = await jar.fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(jar.cookie('goprep_csrf') ?? '') },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };
  return { send };
}

/**
 * The built server as `npm start` runs it, logging every request at info level: an invite's token
 * must appear in no log line, however the candidate uses the link.
 */
describe('hiring: invite tokens never reach the logs', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ env: { LOG_LEVEL: 'info', ATTEMPT_SWEEP_INTERVAL_MS: '0' } });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('should log the candidate requests without the token', async () => {
    const m = browser(app.url);
    expect((await m.send('POST', '/api/auth/register', { email: 'logs@acme.example', password: 'a long enough secret', displayName: 'Logs' })).status).toBe(201);
    const org = await m.send('POST', '/api/orgs', { name: 'Logs Inc' });
    const orgId = org.body.id as string;
    const templates = (await m.send('GET', '/api/set-templates')).body as unknown as Array<{ id: string }>;
    const set = await m.send('POST', `/api/orgs/${orgId}/sets`, { title: 'From a template', templateId: templates[0]!.id });
    expect(set.status).toBe(201);
    const setId = set.body.id as string;
    expect((await m.send('POST', `/api/orgs/${orgId}/sets/${setId}/publish`)).status).toBe(200);
    const invited = await m.send('POST', `/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: [{ name: 'Quiet', email: 'quiet@cand.example' }],
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(invited.status).toBe(201);
    const link = (invited.body.invites as Array<{ link: string }>)[0]!.link;
    const token = new URL(link).hash.slice(1);

    const c = browser(app.url);
    expect((await c.send('POST', '/api/candidate/session', { token })).status).toBe(200);
    expect((await c.send('GET', '/api/candidate/status')).status).toBe(200);
    expect((await c.send('POST', '/api/candidate/start')).status).toBe(201);
    expect((await c.send('POST', '/api/candidate/attempt/submit')).status).toBe(200);
    // A wrong token is logged as a 404 without its value either.
    expect((await c.send('POST', '/api/candidate/session', { token: `${token.slice(0, -4)}AAAA` })).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const output = app.output();
    // The requests were logged (so the check below can fail)...
    expect(output).toContain('/api/candidate/session');
    expect(output).toContain('/api/candidate/attempt/submit');
    // ...and no line carries the token or a recognisable part of it.
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(0, 16));
  });
});
