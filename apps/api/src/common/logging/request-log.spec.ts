import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogFields, requestLogOptions } from './request-log';

/** A real pino-http middleware with the API's options in front of a real server; every line it writes is kept. */
async function loggedServer(handler: (req: IncomingMessage & { log: { warn(msg: string): void } }, res: ServerResponse) => void) {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const middleware = pinoHttp(requestLogOptions('info'), sink);
  const server: Server = createServer((req, res) => middleware(req, res, () => handler(req as never, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, lines, raw, port: (server.address() as AddressInfo).port };
}

function send(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('the request log', () => {
  const secrets = { cookie: 'goprep_session=session-secret-0123456789; goprep_csrf=csrf-cookie-secret', csrf: 'csrf-header-secret-abcdef', setCookie: 'goprep_session=new-session-secret-987' };

  it('should log method, path, status, time, address and user agent, and no header value', async () => {
    const { server, lines, raw, port } = await loggedServer((req, res) => {
      req.log.warn('inside the request');
      res.setHeader('Set-Cookie', secrets.setCookie);
      res.statusCode = 201;
      res.end('{}');
    });
    try {
      const status = await send(port, '/api/attempts?x=1', { cookie: secrets.cookie, 'x-csrf-token': secrets.csrf, 'user-agent': 'probe/1.0', 'content-type': 'application/json' });
      expect(status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      server.close();
    }
    const done = lines.find((l) => l['msg'] === 'request completed');
    expect(done).toMatchObject({
      level: 30,
      req: { method: 'POST', url: '/api/attempts?x=1', remoteAddress: '127.0.0.1', userAgent: 'probe/1.0' },
      res: { statusCode: 201 },
    });
    expect(typeof done?.['responseTime']).toBe('number');
    expect((done?.['req'] as { id?: unknown }).id).toEqual(expect.any(String));
    // A line logged inside the request carries the same request fields.
    expect(lines.find((l) => l['msg'] === 'inside the request')?.['req']).toEqual(done?.['req']);
    const all = raw.join('\n');
    for (const secret of ['session-secret-0123456789', 'csrf-cookie-secret', secrets.csrf, 'new-session-secret-987']) expect(all).not.toContain(secret);
    expect(all).not.toContain('headers');
  });

  it('should take the address Express resolved (TRUST_PROXY) over the socket address', () => {
    const req = { id: 'r1', method: 'GET', url: '/x', originalUrl: '/api/x', ip: '203.0.113.9', socket: { remoteAddress: '10.0.0.2' }, headers: {} } as never;
    expect(requestLogFields(req)).toEqual({ id: 'r1', method: 'GET', url: '/api/x', remoteAddress: '203.0.113.9', userAgent: undefined });
  });
});
