import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { PasswordResetService } from '@goprep/api/testing';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const OLD = 'a long enough secret';
const NEW = 'another long passphrase';

/** The token of a reset link in a received mail (quoted-printable soft breaks undone). */
function tokenIn(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /\/reset-password#([A-Za-z0-9_-]{43})/.exec(body);
  if (!match?.[1]) throw new Error('no reset link in the mail');
  return match[1];
}

async function login(t: TestApp, email: string, password: string): Promise<{ b: Browser; status: number }> {
  const b = new Browser(t.server);
  const res = await b.post('/api/auth/login', { email, password });
  return { b, status: res.status };
}

describe('password reset by mail (SMTP configured)', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: Array<{ to: string[]; raw: string }> = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'accounts@goprep.test', PUBLIC_URL: 'https://prep.example' });
    await new Browser(t.server).register('ada@example.com', OLD, 'Ada');
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('should mail a one-time link that sets the password and logs out every session', async () => {
    const before = await login(t, 'ada@example.com', OLD);
    expect(before.status).toBe(200);
    await before.b.get('/api/me').expect(200);

    const res = await new Browser(t.server).post('/api/auth/password/forgot', { email: 'ADA@example.com' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ byMail: true });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['ada@example.com']);
    expect(received[0]!.raw).toContain('https://prep.example/reset-password#');
    const token = tokenIn(received[0]!.raw);
    const [stored] = await t.sql<{ token_hash: Buffer; used_at: Date | null }>(`SELECT token_hash, used_at FROM password_resets`);
    expect(stored!.token_hash.toString('hex')).not.toContain(Buffer.from(token).toString('hex'));
    expect(stored!.used_at).toBeNull();

    const reset = await new Browser(t.server).post('/api/auth/password/reset', { token, newPassword: NEW });
    expect(reset.status).toBe(204);
    // The session opened before the reset is gone; the old password no longer works, the new one does.
    expect((await before.b.get('/api/me')).status).toBe(401);
    expect((await login(t, 'ada@example.com', OLD)).status).toBe(401);
    expect((await login(t, 'ada@example.com', NEW)).status).toBe(200);

    const again = await new Browser(t.server).post('/api/auth/password/reset', { token, newPassword: OLD });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('PASSWORD_RESET_INVALID');
  });

  it('should answer an unknown email exactly like a known one and mail nothing', async () => {
    const count = received.length;
    const res = await new Browser(t.server).post('/api/auth/password/forgot', { email: 'nobody@example.com' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ byMail: true });
    expect(received).toHaveLength(count);
  });

  it('should void an older link when a newer one is mailed, and refuse an expired link', async () => {
    await t.sql(`DELETE FROM rate_limits`);
    const start = received.length;
    await new Browser(t.server).post('/api/auth/password/forgot', { email: 'ada@example.com' });
    await new Browser(t.server).post('/api/auth/password/forgot', { email: 'ada@example.com' });
    const [first, second] = received.slice(start).map((m) => tokenIn(m.raw));
    const old = await new Browser(t.server).post('/api/auth/password/reset', { token: first, newPassword: OLD });
    expect(old.status).toBe(410);
    await t.sql(`UPDATE password_resets SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE used_at IS NULL`);
    const expired = await new Browser(t.server).post('/api/auth/password/reset', { token: second, newPassword: OLD });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('PASSWORD_RESET_INVALID');
  });

  it('should mail an account at most 3 links an hour and limit requests per address with 429', async () => {
    await t.sql(`DELETE FROM rate_limits`);
    const start = received.length;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await new Browser(t.server).post('/api/auth/password/forgot', { email: 'ada@example.com' })).status);
    expect(received.length - start).toBe(3);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('should refuse a weak new password and an unknown token with {code, message}', async () => {
    const weak = await new Browser(t.server).post('/api/auth/password/reset', { token: 'x'.repeat(43), newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    const unknown = await new Browser(t.server).post('/api/auth/password/reset', { token: 'x'.repeat(43), newPassword: NEW });
    expect(unknown.status).toBe(410);
    expect(typeof unknown.body.message).toBe('string');
  });
});

describe('password reset without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await new Browser(t.server).register('bo@example.com', OLD, 'Bo');
  });
  afterAll(() => t.close());

  it('should say that links are not mailed and store no token', async () => {
    const res = await new Browser(t.server).post('/api/auth/password/forgot', { email: 'bo@example.com' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ byMail: false });
    expect(await t.sql(`SELECT 1 FROM password_resets`)).toHaveLength(0);
  });

  it('should accept an administrator-issued link once, revoking the sessions', async () => {
    const session = await login(t, 'bo@example.com', OLD);
    const { link } = await t.app.get(PasswordResetService).issue((await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'bo@example.com'`))[0]!.id, 'admin');
    const token = link.split('#')[1]!;
    expect((await new Browser(t.server).post('/api/auth/password/reset', { token, newPassword: NEW })).status).toBe(204);
    expect((await session.b.get('/api/me')).status).toBe(401);
    expect((await login(t, 'bo@example.com', NEW)).status).toBe(200);
    expect((await new Browser(t.server).post('/api/auth/password/reset', { token, newPassword: OLD })).status).toBe(410);
  });
});
