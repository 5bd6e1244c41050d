import request from 'supertest';
import { Browser, createTestApp, type TestApp } from '../support/test-app';
import { Actor, createWorld, fillPath, operations, PASSWORD, type World } from './world';

function cookieLine(res: request.Response, name: string): string | undefined {
  const lines = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return lines.find((l) => l.startsWith(`${name}=`));
}

/**
 * A login with explicit Cookie headers (a cookie jar would not send Secure cookies over plain
 * HTTP); the CSRF token comes from the server first.
 */
async function explicitPost(t: TestApp, path: string, body: object, headers: Record<string, string> = {}): Promise<request.Response> {
  const csrf = await request(t.server).get('/api/auth/csrf');
  const token = (csrf.body as { token: string }).token;
  let req = request(t.server).post(path).set('Cookie', `goprep_csrf=${encodeURIComponent(token)}`).set('X-CSRF-Token', token);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.send(body);
}

function loginResponse(t: TestApp, email: string, headers: Record<string, string> = {}): Promise<request.Response> {
  return explicitPost(t, '/api/auth/login', { email, password: PASSWORD }, headers);
}

describe('security: sessions, CSRF and rate limits', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ LOGIN_MAX_ATTEMPTS_PER_IP: '100000' });
  });
  afterAll(() => w?.close());

  it('should set the session cookie httpOnly, SameSite=Lax, path /, with an expiry, and not Secure over plain HTTP', async () => {
    const res = await loginResponse(w.t, 'learner@example.com');
    expect(res.status).toBe(200);
    const session = cookieLine(res, 'goprep_session')!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).toMatch(/; Expires=/i);
    expect(session).not.toMatch(/; Secure/i);
    // The CSRF cookie must be readable by the page (double submit), so it is the one not httpOnly.
    const csrf = cookieLine(await request(w.t.server).get('/api/auth/csrf'), 'goprep_csrf')!;
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Lax/i);
  });

  it('should give the candidate an httpOnly SameSite cookie scoped to the candidate routes, never the token in a URL', async () => {
    const res = await explicitPost(w.t, '/api/candidate/session', { token: w.ids.inviteToken });
    expect(res.status).toBe(200);
    const line = cookieLine(res, 'goprep_candidate')!;
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=(Lax|Strict)/i);
    expect(line).toMatch(/; Path=\/api\/candidate/i);
    // Every candidate route takes the token from the body or the cookie: none has it in its path.
    const candidateOps = operations().filter((op) => op.path.startsWith('/api/candidate/'));
    expect(candidateOps.length).toBeGreaterThan(3);
    expect(candidateOps.filter((op) => op.pathParams.some((p) => /token/i.test(p.name)) || op.queryParams.some((p) => /token/i.test(p.name)))).toEqual([]);
  });

  it('should ignore X-Forwarded-Proto without TRUST_PROXY (a client cannot ask for what it is not)', async () => {
    const res = await loginResponse(w.t, 'learner@example.com', { 'X-Forwarded-Proto': 'https' });
    expect(cookieLine(res, 'goprep_session')).not.toMatch(/; Secure/i);
  });

  it('should refuse every cookie-authenticated write of the OpenAPI document without the CSRF header, or with a wrong one', async () => {
    const writes = operations().filter((op) => op.method !== 'get' && !op.outsideApi);
    expect(writes.length).toBeGreaterThan(15);
    const learner = w.actors.learner;
    await learner.browser.csrfToken();
    const accepted: string[] = [];
    for (const op of writes) {
      const url = fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, w.ids.attempt])));
      for (const header of [undefined, 'not-the-token']) {
        let req = learner.browser.agent[op.method](url);
        if (header) req = req.set('X-CSRF-Token', header);
        const res = await req.send({});
        if (res.status !== 403 || (res.body as { code?: string }).code !== 'CSRF_INVALID') accepted.push(`${op.key} (${header ? 'wrong' : 'no'} token): ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    // The session was there all along: the refusals were about CSRF, not about being logged out.
    expect((await learner.browser.get('/api/me')).status).toBe(200);
  });

  it('should make a logged-out session cookie worthless, even replayed by hand', async () => {
    const res = await loginResponse(w.t, 'manager-b@example.com');
    const raw = cookieLine(res, 'goprep_session')!.split(';')[0]!;
    const token = 'a-csrf-token-of-this-test';
    expect((await request(w.t.server).get('/api/me').set('Cookie', raw)).status).toBe(200);
    const out = await request(w.t.server).post('/api/auth/logout').set('Cookie', `${raw}; goprep_csrf=${token}`).set('X-CSRF-Token', token);
    expect(out.status).toBe(204);
    const replay = await request(w.t.server).get('/api/me').set('Cookie', raw);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
    const [row] = await w.t.sql<{ revoked: number }>(
      `SELECT count(*)::int AS revoked FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'manager-b@example.com' AND s.revoked_at IS NOT NULL`,
    );
    expect(row!.revoked).toBeGreaterThanOrEqual(1);
  });

  it('should log out every other session of the user on a password change, and keep nothing of the old password working', async () => {
    const email = 'mover@example.com';
    const laptop = new Actor('learner', w.t.server, email);
    expect((await laptop.browser.register(email, PASSWORD)).status).toBe(201);
    const phones = [new Actor('learner', w.t.server, email), new Actor('learner', w.t.server, email)];
    for (const p of phones) await p.login();
    const changed = await laptop.browser.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another long secret' });
    expect(changed.status).toBe(204);
    expect((await laptop.browser.get('/api/me')).status).toBe(200);
    for (const p of phones) expect((await p.browser.get('/api/me')).status).toBe(401);
    const [row] = await w.t.sql<{ open: number }>(
      `SELECT count(*)::int AS open FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.revoked_at IS NULL`,
      [email],
    );
    expect(row!.open).toBe(1);
    expect((await loginResponse(w.t, email)).status).toBe(401);
  });

  it('should rate-limit org invite token guessing per account with 429 and Retry-After, and count only misses', async () => {
    const guesser = w.actors.learner;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await guesser.browser.post('/api/org-invites/accept', { token: `${'g'.repeat(40)}${String(i).padStart(3, '0')}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(410));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // A real token is refused too while the account is limited: guessing cannot be mixed with a hit.
    const invite = await w.actors.managerA.browser.post(`/api/orgs/${w.ids.orgA}/invites`, { email: 'learner@example.com' });
    expect(invite.status).toBe(201);
    expect((await guesser.browser.post('/api/org-invites/accept', { token: invite.body.token })).status).toBe(429);
    // Another account is not affected.
    const other = new Actor('learner', w.t.server, 'bystander@example.com');
    await other.browser.register('bystander@example.com', PASSWORD);
    expect((await other.browser.post('/api/org-invites/accept', { token: invite.body.token })).status).toBe(200);
  });

  it('should rate-limit candidate invite token guessing per client IP with 429', async () => {
    const open = operations().find((op) => op.method === 'post' && op.path === '/api/candidate/session');
    expect(open).toBeDefined();
    const guesser = new Actor('candidate', w.t.server);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await guesser.send('post', '/api/candidate/session', { body: { token: `${'c'.repeat(40)}${String(i).padStart(3, '0')}` } });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    const first429 = statuses.indexOf(429);
    expect(statuses.slice(0, first429).every((s) => s === 404 || s === 410)).toBe(true);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
  });

  it('should send strict security headers on API answers', async () => {
    const res = await request(w.t.server).get('/api/health');
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    ) as Record<string, string[]>;
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    for (const values of Object.values(csp)) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('security: Secure cookies behind HTTPS', () => {
  it('should mark the session and CSRF cookies Secure with COOKIE_SECURE', async () => {
    const t = await createTestApp({ COOKIE_SECURE: 'true' });
    try {
      expect((await explicitPost(t, '/api/auth/register', { email: 'admin@example.com', password: PASSWORD, displayName: 'Admin' })).status).toBe(201);
      const res = await loginResponse(t, 'admin@example.com');
      expect(res.status).toBe(200);
      expect(cookieLine(res, 'goprep_session')).toMatch(/; Secure/i);
      expect(cookieLine(await request(t.server).get('/api/auth/csrf'), 'goprep_csrf')).toMatch(/; Secure/i);
    } finally {
      await t.close();
    }
  });

  it('should mark them Secure when a proxy trusted with TRUST_PROXY says the request came over HTTPS', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      await new Browser(t.server).register('admin@example.com', PASSWORD);
      const https = await loginResponse(t, 'admin@example.com', { 'X-Forwarded-Proto': 'https' });
      expect(https.status).toBe(200);
      expect(cookieLine(https, 'goprep_session')).toMatch(/; Secure/i);
      const plain = await loginResponse(t, 'admin@example.com');
      expect(cookieLine(plain, 'goprep_session')).not.toMatch(/; Secure/i);
    } finally {
      await t.close();
    }
  });
});
