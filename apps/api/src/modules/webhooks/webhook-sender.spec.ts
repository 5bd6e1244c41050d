import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, RESPONSE_BODY_LIMIT, sendWebhook, signWebhook } from './webhook-sender';
import { resolveWebhookTarget } from './webhook-target';

describe('signWebhook', () => {
  it('should produce a signature the standardwebhooks package verifies', () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: 'attempt.submitted', timestamp: '2026-12-06T10:00:00.000Z', data: { attemptId: 'a1' } });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, 'msg_1', timestamp, body) };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('a1', 'a2'), headers)).toThrow();
  });

  it('should make secrets of 32 random bytes behind whsec_', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});

describe('sendWebhook', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const send = async (path: string, timeoutMs = 2000) =>
    sendWebhook(await resolveWebhookTarget(`${base}${path}`, true), { messageId: 'msg_x', body: '{"type":"webhook.test"}', secret: newWebhookSecret() }, timeoutMs);

  it('should keep only the first KB of a large answer', async () => {
    handler = (_req, res) => res.writeHead(200).end('x'.repeat(64 * 1024));
    const outcome = await send('/big');
    expect(outcome.status).toBe(200);
    expect(outcome.responseBody).toHaveLength(RESPONSE_BODY_LIMIT);
  });

  it('should keep an answer with NUL bytes storable (Postgres text holds none)', async () => {
    handler = (_req, res) => res.writeHead(500).end('bad\u0000news');
    const outcome = await send('/nul');
    expect(outcome).toMatchObject({ status: 500, responseBody: 'badnews' });
  });

  it('should not follow a redirect', async () => {
    handler = (req, res) => (req.url === '/moved' ? res.writeHead(302, { location: '/elsewhere' }).end() : res.writeHead(200).end('followed'));
    const outcome = await send('/moved');
    expect(outcome.status).toBe(302);
    expect(seen).toEqual(['/moved']);
  });

  it('should give up on a receiver that does not answer in time', async () => {
    handler = () => undefined;
    const outcome = await send('/slow', 300);
    expect(outcome.status).toBeNull();
    expect(outcome.error).toMatch(/no answer within 300 ms/);
  });

  it('should report a refused connection as an error without a status', async () => {
    const target = await resolveWebhookTarget('http://127.0.0.1:9/', true);
    const outcome = await sendWebhook(target, { messageId: 'msg_x', body: '{}', secret: newWebhookSecret() }, 2000);
    expect(outcome.status).toBeNull();
    expect(outcome.error).toMatch(/ECONNREFUSED/);
  });
});
