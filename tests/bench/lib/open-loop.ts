/**
 * An open-loop load generator: requests leave on a fixed schedule (`rate` per second), whatever the
 * server does, and each latency is counted from the request's SCHEDULED send time. A closed-loop
 * tool (autocannon) waits for a response before sending the next request on a connection, so a
 * server stall delays the requests that would have measured it (coordinated omission); here a
 * stall shows up in every request scheduled during it.
 */
import { Agent, request } from 'node:http';
import { percentile } from '../../support/percentile';

export interface OpenLoopRequest {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  /** The rate asked for and the rate the schedule achieved (requests sent / seconds). */
  rate: number;
  sent: number;
  completed: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /**
   * Requests still unanswered when the run ended: counted as errors, and in the percentiles with the
   * time they had waited so far (a lower bound), so a server that stops answering cannot look fast.
   */
  unanswered: number;
  /** How late the generator itself sent requests, p99 in ms: large values mean the client, not the server, was the bottleneck. */
  sendLagP99: number;
  /**
   * TCP connections the generator opened. Sockets are kept alive, so a server that keeps up is sent
   * every request over a few; one that falls behind gets a new connection for each request sent
   * while all are busy.
   */
  connections: number;
  /** How many latencies were at least `ms` (counted from the scheduled send time). */
  atLeast: (ms: number) => number;
  /** Every request as [scheduled send time (wall clock, ms since the epoch), latency ms], in send order; unanswered ones with the time waited. */
  requests: Array<[number, number]>;
}

/** The send times (ms after the start) of `count` requests at `rate` per second: evenly spaced. */
export function schedule(rate: number, seconds: number): number[] {
  const count = Math.max(1, Math.floor(rate * seconds));
  const gap = 1000 / rate;
  return Array.from({ length: count }, (_, i) => i * gap);
}

/**
 * Sends `next()` requests to `baseUrl` at `rate` per second for `seconds`, then waits up to
 * `drainMs` for the last answers. Sockets are kept alive between requests and, by default, not
 * capped: every request leaves at its time, as from independent users.
 */
export async function openLoop(
  baseUrl: string,
  next: () => OpenLoopRequest,
  rate: number,
  seconds: number,
  { drainMs = 10_000, maxSockets = Infinity }: { drainMs?: number; maxSockets?: number } = {},
): Promise<OpenLoopResult> {
  const url = new URL(baseUrl);
  // With `maxSockets`, requests sent while every socket is busy wait in the client; their latency
  // still counts from the scheduled send time, so the wait is measured, but the server is spared
  // the new connections (BENCH_OPEN_MAX_SOCKETS in the load bench; uncapped by default).
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: 512 });
  const plan = schedule(rate, seconds);
  const latencies: number[] = [];
  const requests: Array<[number, number]> = [];
  const lags: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let connections = 0;
  const seen = new WeakSet<object>();
  const pending = new Set<number>();
  let inFlight = 0;
  let settledAll: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settledAll = resolve));
  let sent = 0;
  let done = false;

  const fire = (scheduledAt: number): void => {
    const r = next();
    pending.add(scheduledAt);
    inFlight += 1;
    sent += 1;
    lags.push(performance.now() - scheduledAt);
    let finished = false;
    const index = requests.push([Math.round(performance.timeOrigin + scheduledAt), Number.NaN]) - 1;
    const finish = (ok: boolean, status?: number): void => {
      if (finished) return;
      finished = true;
      pending.delete(scheduledAt);
      inFlight -= 1;
      requests[index]![1] = performance.now() - scheduledAt;
      if (ok) {
        latencies.push(performance.now() - scheduledAt);
        if (status === undefined || status < 200 || status >= 300) non2xx += 1;
      } else errors += 1;
      if (done && inFlight === 0) settledAll();
    };
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        agent,
        headers: { ...r.headers, ...(r.body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } : {}) },
      },
      (res) => {
        res.resume();
        res.once('end', () => finish(true, res.statusCode));
        res.once('error', () => finish(false));
      },
    );
    req.once('error', () => finish(false));
    // By socket, not by `req.reusedSocket`: a request that waited for a capped agent's free socket
    // gets a kept-alive one without that flag.
    req.once('socket', (socket) => {
      if (seen.has(socket)) return;
      seen.add(socket);
      connections += 1;
    });
    req.end(r.body);
  };

  const start = performance.now();
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now() - start;
      while (i < plan.length && plan[i]! <= now) fire(start + plan[i++]!);
      if (i >= plan.length) return resolve();
      // setImmediate keeps the schedule within a millisecond without a busy loop blocking I/O.
      const wait = plan[i]! - (performance.now() - start);
      if (wait > 2) setTimeout(tick, Math.max(0, wait - 1));
      else setImmediate(tick);
    };
    tick();
  });
  done = true;
  if (inFlight > 0) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((r) => (timer = setTimeout(r, drainMs)))]);
    clearTimeout(timer);
  }
  const unanswered = inFlight;
  for (const scheduledAt of pending) latencies.push(performance.now() - scheduledAt);
  for (const r of requests) if (Number.isNaN(r[1])) r[1] = performance.now() - (r[0] - performance.timeOrigin);
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    rate: round(sent / Math.max(seconds, Math.min(elapsed, seconds))),
    sent,
    completed: latencies.length - unanswered,
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? Number.NaN),
    non2xx,
    errors: errors + unanswered,
    unanswered,
    sendLagP99: round(percentile(lags, 99)),
    connections,
    atLeast: (ms) => latencies.filter((latency) => latency >= ms).length,
    requests,
  };
}
