import request from 'supertest';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';

describe('accounts: register, login, sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  });
  afterAll(() => t.close());

  it('should make the first account admin and later ones learners', async () => {
    const first = await new Browser(t.server).register('first@example.com', PASSWORD, 'First');
    expect(first.status).toBe(201);
    expect(first.body.user).toMatchObject({ email: 'first@example.com', displayName: 'First', role: 'admin' });
    const second = await new Browser(t.server).register('second@example.com', PASSWORD, 'Second');
    expect(second.status).toBe(201);
    expect(second.body.user.role).toBe('learner');
  });

  it('should store an argon2id hash, never the password', async () => {
    const [row] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'second@example.com'`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
  });

  it('should refuse a duplicate email, whatever its case, with 409 EMAIL_TAKEN', async () => {
    const res = await new Browser(t.server).register('SECOND@Example.com', PASSWORD);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it('should list every invalid field of a registration', async () => {
    const res = await new Browser(t.server).post('/api/auth/register', { email: 'not-an-email', password: 'short', displayName: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password']);
  });

  it('should refuse a common password even when it is long enough', async () => {
    const res = await new Browser(t.server).register('common@example.com', 'password123');
    expect(res.status).toBe(400);
    expect(res.body.fields[0]).toMatchObject({ field: 'password', message: expect.stringMatching(/common/) });
  });

  it('should log in with a session cookie that is httpOnly and SameSite=Lax, and show me', async () => {
    const b = new Browser(t.server);
    const res = await b.post('/api/auth/login', { email: 'Second@example.com', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('goprep_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await b.get('/api/me').expect(200);
    expect(me.body).toMatchObject({ email: 'second@example.com', role: 'learner', organizations: [] });
  });

  it('should answer an unknown email and a wrong password the same way', async () => {
    const unknown = await new Browser(t.server).post('/api/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    const wrong = await new Browser(t.server).post('/api/auth/login', { email: 'first@example.com', password: 'not the password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('should rate-limit failed logins per account with 429 and Retry-After, even with the right password', async () => {
    await new Browser(t.server).register('target@example.com', PASSWORD);
    for (let i = 0; i < 3; i++) {
      const res = await new Browser(t.server).post('/api/auth/login', { email: 'target@example.com', password: `wrong guess ${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await new Browser(t.server).post('/api/auth/login', { email: 'target@example.com', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('should end the session on logout, so the old cookie no longer works', async () => {
    const b = new Browser(t.server);
    await b.post('/api/auth/login', { email: 'first@example.com', password: PASSWORD });
    const login = await b.get('/api/me').expect(200);
    expect(login.body.role).toBe('admin');
    const sessionCookie = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NULL`))[0]!.n;
    expect(sessionCookie).toBeGreaterThan(0);

    const cookies = await b.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
    const stolen = cookies.find((c) => c.name === 'goprep_session')!.value;
    expect((await b.post('/api/auth/logout')).status).toBe(204);
    await b.get('/api/me').expect(401);
    const replay = await request(t.server).get('/api/me').set('Cookie', `goprep_session=${stolen}`);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse anonymous access to private routes with 401 UNAUTHENTICATED', async () => {
    for (const path of ['/api/me', '/api/orgs', '/api/topics', '/api/questions']) {
      const res = await request(t.server).get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 401, code: 'UNAUTHENTICATED' });
    }
  });
});

describe('accounts: login attempts per client IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '4' });
  });
  afterAll(() => t.close());

  it('should refuse the fifth attempt from one IP across different accounts with 429 and Retry-After', async () => {
    await new Browser(t.server).register('real@example.com', PASSWORD);
    const statuses: number[] = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'real@example.com']) {
      statuses.push((await new Browser(t.server).post('/api/auth/login', { email, password: 'not the password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    const fifth = await new Browser(t.server).post('/api/auth/login', { email: 'real@example.com', password: PASSWORD });
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('RATE_LIMITED');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('accounts: changing the password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should keep the session it was changed from and log out every other one', async () => {
    const laptop = new Browser(t.server);
    await laptop.register('mover@example.com', PASSWORD);
    const phone = new Browser(t.server);
    expect((await phone.post('/api/auth/login', { email: 'mover@example.com', password: PASSWORD })).status).toBe(200);

    const wrong = await laptop.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.fields[0].field).toBe('currentPassword');
    const weak = await laptop.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);

    expect((await laptop.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new secret' })).status).toBe(204);
    await laptop.get('/api/me').expect(200);
    expect((await phone.get('/api/me')).status).toBe(401);

    const old = await new Browser(t.server).post('/api/auth/login', { email: 'mover@example.com', password: PASSWORD });
    expect(old.status).toBe(401);
    const fresh = await new Browser(t.server).post('/api/auth/login', { email: 'mover@example.com', password: 'a brand new secret' });
    expect(fresh.status).toBe(200);
  });
});
