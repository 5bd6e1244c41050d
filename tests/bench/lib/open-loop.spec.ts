import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLoop, schedule } from './open-loop';

/** A server that answers at once, except during one stall window when it holds every answer. */
function stallingServer(stallFromMs: number, stallMs: number): Promise<{ server: Server; url: string; started: () => void }> {
  let t0 = 0;
  const server = createServer((req, res) => {
    const now = performance.now() - t0;
    const hold = now >= stallFromMs && now < stallFromMs + stallMs ? stallFromMs + stallMs - now : 0;
    req.resume();
    setTimeout(() => res.end('ok'), hold);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, started: () => (t0 = performance.now()) }),
    ),
  );
}

describe('open-loop load generator', () => {
  it('should space the schedule evenly at the asked rate', () => {
    expect(schedule(4, 1)).toEqual([0, 250, 500, 750]);
    expect(schedule(100, 2)).toHaveLength(200);
  });

  it('should count a server stall in every request scheduled during it (no coordinated omission)', async () => {
    const { server, url, started } = await stallingServer(1000, 400);
    try {
      started();
      // 200 req/s for 2 s. A request scheduled at s inside the 400 ms stall is answered at the stall's
      // end or later (a busy machine only delays it more), so counted from its scheduled time it took
      // at least 1400 - s ms: the 30 scheduled in [1000, 1150) took >= 250 ms each (200 allows for the
      // generator starting a little after the server's clock), however loaded
      // the machine is. A generator that counted from the actual send after waiting for the stall
      // (coordinated omission) would see about one slow request per connection instead.
      const r = await openLoop(url, () => ({ method: 'GET', path: '/', headers: {} }), 200, 2);
      expect(r.sent).toBe(400);
      expect(r.completed).toBe(400);
      expect(r.errors).toBe(0);
      expect(r.atLeast(200)).toBeGreaterThanOrEqual(30);
      expect(r.max).toBeGreaterThan(300);
    } finally {
      server.close();
    }
  });

  it('should count the connections it opens as the server accepts them, reusing idle ones', async () => {
    let accepted = 0;
    const server = createServer((_req, res) => res.end('ok'));
    server.on('connection', () => (accepted += 1));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await openLoop(url, () => ({ method: 'GET', path: '/', headers: {} }), 100, 1);
      expect(r.completed).toBe(100);
      expect(r.connections).toBe(accepted);
      // A request every 10 ms to a server answering at once: the kept-alive sockets carry them.
      expect(r.connections).toBeLessThan(50);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('should open at most maxSockets connections, and count the requests that waited for one from their scheduled time', async () => {
    let accepted = 0;
    // Every answer takes 50 ms: 100 req/s over 2 sockets can carry only 40 a second.
    const server = createServer((_req, res) => void setTimeout(() => res.end('ok'), 50));
    server.on('connection', () => (accepted += 1));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await openLoop(url, () => ({ method: 'GET', path: '/', headers: {} }), 100, 1, { maxSockets: 2 });
      expect(r.completed).toBe(100);
      expect(accepted).toBe(2);
      expect(r.connections).toBe(2);
      // The last request is sent at 990 ms and answered after the 50 queued before it: about 2.5 s.
      expect(r.max).toBeGreaterThan(1500);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('should count unanswered requests as errors and in the percentiles with their wait so far', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await openLoop(url, () => ({ method: 'GET', path: '/', headers: {} }), 50, 1, { drainMs: 300 });
      expect(r.unanswered).toBe(50);
      // Every socket stays busy, so every request opened one.
      expect(r.connections).toBe(50);
      expect(r.errors).toBe(50);
      expect(r.completed).toBe(0);
      expect(r.p50).toBeGreaterThan(250);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
