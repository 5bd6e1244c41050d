import request from 'supertest';
import { AUTHZ_MATRIX, type MatrixRequest } from './authz-matrix';
import { Actor, createWorld, fillPath, operations, ROLES, type Operation, type Role, type TokenActor, type World } from './world';

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

  it("should declare in each operation's security the API token scope the matrix expects", () => {
    const declared = Object.fromEntries(OPS.map((op) => [op.key, op.security.find((req) => 'apiToken' in req)?.apiToken?.join(' ')]));
    const expected = Object.fromEntries(OPS.map((op) => [op.key, AUTHZ_MATRIX[op.key]?.token]));
    expect(declared).toEqual(expected);
  });
});

/** A session-authenticated operation (its security names the session cookie); public and candidate ones ignore tokens. */
function needsSession(op: Operation): boolean {
  return op.security.some((req) => 'session' in req);
}

/** What a token must get: 401 when dead, 403 without the scope, else the status of the user it acts as. */
function tokenExpectation(entry: MatrixRequest, token: TokenActor): number {
  if (token.dead) return 401;
  if (!entry.token || !token.scopes.includes(entry.token)) return 403;
  return token.actsAs === 'managerA' ? (entry.tokenOk ?? entry.expect.managerA) : entry.expect[token.actsAs];
}

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
    // Then every API token, after the sessions (tokenOk: when their writes changed the state). Public
    // and candidate routes do not read the Authorization header: the anonymous column covers them.
    const want: Record<string, number> = { ...entry.expect };
    if (needsSession(op)) {
      const query = typeof entry.query === 'function' ? entry.query(w.ids) : entry.query;
      const url = fillPath(op.path, entry.path?.(w.ids) ?? {}) + (query ? `?${query}` : '');
      for (const token of w.tokens) {
        // No cookie, no CSRF header: what an external script sends.
        let req = request(w.t.server)[op.method](url).set('Authorization', `Bearer ${token.secret}`).timeout({ response: 10_000, deadline: 10_000 });
        const body = entry.body?.(w.ids, token.actsAs);
        if (body !== undefined) req = req.send(body as object);
        const res = await req;
        want[token.name] = tokenExpectation(entry, token);
        got[token.name] = res.status;
        if (res.status !== want[token.name]) got[`${token.name} answer`] = JSON.stringify(res.body).slice(0, 160);
      }
    }
    expect(got).toEqual(want);
  });

  it('should have met a token for every scope, personal and organization, and an expired and a revoked one', () => {
    expect(w.tokens.map((tok) => tok.name)).toEqual(
      expect.arrayContaining([
        ...['results:read', 'sets:manage', 'invites:manage', 'bank:read'].flatMap((scope) => [`personal ${scope}`, `org A ${scope}`]),
        'expired',
        'revoked',
      ]),
    );
  });
});

