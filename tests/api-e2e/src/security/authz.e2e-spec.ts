import { AUTHZ_MATRIX } from './authz-matrix';
import { Actor, createWorld, fillPath, operations, ROLES, type Role, type World } from './world';

/**
 * The authorization matrix, generated from the OpenAPI document: every operation must have an
 * entry in authz-matrix.ts, and every role must get exactly the status the entry says.
 */
const OPS = operations();

describe('security: the authorization matrix covers the OpenAPI document', () => {
  it('should have an entry for every operation, and an operation for every entry', () => {
    const documented = new Set(OPS.map((op) => op.key));
    const missing = [...documented].filter((key) => !(key in AUTHZ_MATRIX));
    const stale = Object.keys(AUTHZ_MATRIX).filter((key) => !documented.has(key));
    const problems = [
      ...(missing.length ? [`Operations without an entry in tests/api-e2e/src/security/authz-matrix.ts:\n  ${missing.join('\n  ')}`] : []),
      ...(stale.length ? [`Entries in authz-matrix.ts for operations that are not in apps/api/openapi.json:\n  ${stale.join('\n  ')}`] : []),
    ];
    if (problems.length) throw new Error(problems.join('\n'));
  });
});

describe('security: every role gets the status the matrix expects', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w?.close());

  /** The client acting for `role`: the shared one, or a new login of the same user. */
  async function actorFor(role: Role, fresh: boolean): Promise<Actor> {
    const shared = w.actors[role];
    // Anonymous is always a new client: nothing it does may carry over to the next request.
    if (role === 'anonymous' || (fresh && role === 'candidate')) return new Actor(role, w.t.server);
    if (!fresh) return shared;
    const actor = new Actor(role, w.t.server, shared.email);
    await actor.login();
    return actor;
  }

  // One test per entry, in the matrix's order (later entries rely on what earlier ones did).
  it.each(Object.keys(AUTHZ_MATRIX))('%s: each role gets its expected status', async (key) => {
    const entry = AUTHZ_MATRIX[key]!;
    const op = OPS.find((o) => o.key === key);
    if (!op) return; // reported by the coverage test above
    const got: Record<string, number | string> = {};
    for (const role of ROLES) {
      const actor = await actorFor(role, entry.fresh ?? false);
      const query = typeof entry.query === 'function' ? entry.query(w.ids) : entry.query;
      const url = fillPath(op.path, entry.path?.(w.ids) ?? {}) + (query ? `?${query}` : '');
      const res = await actor.send(op.method, url, { body: entry.body?.(w.ids, role), timeoutMs: 10_000 });
      got[role] = res.status;
      if (res.status !== entry.expect[role]) got[`${role} answer`] = JSON.stringify(res.body).slice(0, 160);
    }
    expect(got).toEqual(entry.expect);
  });
});
