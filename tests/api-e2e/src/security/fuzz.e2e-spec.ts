import fc from 'fast-check';
import type request from 'supertest';
import { bodyFor, pathValue, queryFor, type FuzzBody } from './fuzz-arbitraries';
import { createWorld, fillPath, operations, type Actor, type Operation, type Role, type World } from './world';

/**
 * Every operation of the committed OpenAPI document gets random and malformed input, as an
 * anonymous client, a candidate holding an invite's cookie, a learner and a manager (always with
 * a valid CSRF token, so the request gets past the CSRF check to the code behind it). Never a 5xx,
 * never a hang; a 4xx says why in `{ code, message }`. The seed is fixed so a failure replays;
 * FUZZ_SEED / FUZZ_RUNS override.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261121);
const OPS = operations();
const IDENTITIES: Role[] = ['anonymous', 'candidate', 'learner', 'managerA'];
/** About 2 000 requests in all, spread over the operations (FUZZ_RUNS sets the runs per operation and identity). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? Math.max(4, Math.round(2_000 / (OPS.length * IDENTITIES.length))));
const REQUEST_TIMEOUT_MS = 10_000;

interface Case {
  pathParams: Record<string, string>;
  query: string;
  body: FuzzBody;
}

function describeCase(c: Case): string {
  let body: string | undefined;
  try {
    body = c.body.kind === 'raw' ? c.body.text : c.body.kind === 'json' ? JSON.stringify(c.body.value) : '(none)';
  } catch (e) {
    body = `(not printable: ${String(e)})`;
  }
  const cut = (v: string) => (v.length > 200 ? `${v.slice(0, 200)}... (${v.length} chars)` : v);
  return `path=${cut(JSON.stringify(c.pathParams))} query=${cut(c.query)} body=${cut(body ?? 'undefined')}`;
}

async function send(actor: Actor, op: Operation, c: Case): Promise<request.Response> {
  const url = fillPath(op.path, c.pathParams) + (c.query ? `?${c.query}` : '');
  const opts = { timeoutMs: REQUEST_TIMEOUT_MS };
  if (c.body.kind === 'raw') return actor.send(op.method, url, { ...opts, rawBody: c.body.text });
  if (c.body.kind === 'json' && op.method !== 'get' && op.method !== 'delete') return actor.send(op.method, url, { ...opts, rawBody: JSON.stringify(c.body.value) ?? 'null' });
  return actor.send(op.method, url, opts);
}

/** Why the response is wrong, or null. */
function problem(res: request.Response): string | null {
  if (res.status >= 500) return `status ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  if (res.status >= 400) {
    const body = res.body as { code?: unknown; message?: unknown };
    if (typeof body?.code !== 'string' || typeof body.message !== 'string') return `status ${res.status} without {code, message}: ${res.text.slice(0, 200)}`;
  }
  return null;
}

describe('security: fuzzing every operation of the OpenAPI document', () => {
  let w: World;
  const counts = { requests: 0, byStatus: new Map<number, number>() };

  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    process.stdout.write(
      `fuzz: ${OPS.length} operations x ${IDENTITIES.length} identities x ${RUNS} runs = ${counts.requests} requests; statuses ${JSON.stringify(Object.fromEntries([...counts.byStatus].sort((a, b) => a[0] - b[0])))}\n`,
    );
    await w?.close();
  });

  it('should find operations to fuzz in the document', () => {
    expect(OPS.length).toBeGreaterThan(20);
  });

  it.each(OPS.map((op) => [op.key, op] as const))('%s: never a 5xx or a hang, every 4xx has a code', async (_key, op) => {
    const realIds = Object.values(w.ids);
    const arbitrary = fc.record({
      pathParams: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, pathValue(realIds)]))) as fc.Arbitrary<Record<string, string>>,
      query: queryFor(op),
      body: bodyFor(op),
    });
    for (const role of IDENTITIES) {
      const actor = w.actors[role];
      const details = await fc.check(
        fc.asyncProperty(arbitrary, async (c) => {
          let res: request.Response;
          try {
            res = await send(actor, op, c);
          } catch (e) {
            throw new Error(`${role} ${op.key}: no answer within ${REQUEST_TIMEOUT_MS} ms (${String(e)}) for ${describeCase(c)}`);
          }
          counts.requests++;
          counts.byStatus.set(res.status, (counts.byStatus.get(res.status) ?? 0) + 1);
          const why = problem(res);
          // A write under /api/auth that succeeded may have ended or swapped this actor's session.
          if (op.method !== 'get' && op.path.startsWith('/api/auth/') && res.status < 300) await actor.login();
          if (why) throw new Error(`${role} ${op.key}: ${why} for ${describeCase(c)}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // Our own message: fast-check's would print the whole (possibly 100 kB) counterexample.
      if (details.failed) throw new Error(`${(details.errorInstance as Error | null)?.message ?? 'failed'} (seed ${SEED}, path ${details.counterexamplePath})`);
    }
  });
});
