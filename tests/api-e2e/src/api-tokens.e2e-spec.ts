import { createHash } from 'node:crypto';
import {
  bankQuestions,
  candidate,
  fixed,
  manager,
  publishedSet,
  tokenOf,
  user,
  PASSWORD,
  type Json,
} from './support/hiring';
import { Browser, createTestApp, type TestApp } from './support/test-app';

interface Created {
  id: string;
  token: string;
  prefix: string;
  scopes: string[];
  status: string;
}

/**
 * API tokens through the real app: an external script with nothing but a token (plain fetch, no
 * cookie, no CSRF header) reads a set's results; scopes, organization confinement, revoke,
 * expiry and last-used bookkeeping.
 */
describe('api tokens: bearer access to the REST API', () => {
  let t: TestApp;
  let a: { b: Browser; orgId: string };
  let b: { b: Browser; orgId: string };
  let learner: Browser;
  let setA: string;
  let setB: string;

  async function create(owner: Browser, path: string, body: Json): Promise<Created> {
    const res = await owner.post(path, body);
    expect(res.status).toBe(201);
    return res.body as Created;
  }

  /** What an external script does: fetch with an Authorization header and nothing else. */
  function bearer(token: string, path: string, init: { method?: string; body?: Json } = {}): Promise<Response> {
    return fetch(`${t.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  }

  async function codeOf(res: Response): Promise<string> {
    return ((await res.json()) as { code: string }).code;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await user(t, 'admin@example.com'); // takes the admin seat
    a = await manager(t, 'a@example.com', 'Org A');
    b = await manager(t, 'b@example.com', 'Org B');
    learner = await user(t, 'learner@example.com');
    const [q] = await bankQuestions(t, 'single', 1);
    setA = (await publishedSet(a.b, a.orgId, { items: [fixed(q!)] })).setId;
    setB = (await publishedSet(b.b, b.orgId, { items: [fixed(q!)] })).setId;
    // One candidate of org A submits, so there is a result to read.
    const invited = await a.b.post(`/api/orgs/${a.orgId}/sets/${setA}/invites`, {
      invitees: [{ name: 'Cand Idate', email: 'cand@example.com' }],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(invited.status).toBe(201);
    const c = await candidate(t, tokenOf((invited.body as { invites: Array<{ link: string }> }).invites[0]!.link));
    expect((await c.b.post('/api/candidate/start')).status).toBe(201);
    expect((await c.b.put('/api/candidate/attempt/items/1/answer', { response: null, timeSpentMs: 1000 })).status).toBe(
      200,
    );
    expect((await c.b.post('/api/candidate/attempt/submit')).status).toBe(200);
  });
  afterAll(() => t?.close());

  it("should let a script holding only an organization token read a set's results", async () => {
    const created = await create(a.b, `/api/orgs/${a.orgId}/tokens`, { name: 'ATS export', scopes: ['results:read'] });
    expect(created.token).toMatch(/^gp_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const res = await bearer(created.token, `/api/orgs/${a.orgId}/sets/${setA}/results`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = (await res.json()) as { setId: string; rows: Array<{ email: string; status: string }> };
    expect(body.setId).toBe(setA);
    expect(body.rows.map((r) => [r.email, r.status])).toEqual([['cand@example.com', 'submitted']]);

    const csv = await bearer(created.token, `/api/orgs/${a.orgId}/sets/${setA}/results.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('cand@example.com');
  });

  it('should store only the SHA-256 of a token and never list its secret', async () => {
    const created = await create(a.b, '/api/me/tokens', { name: 'laptop', scopes: ['bank:read'] });
    const [row] = await t.sql<{ token_hash: Buffer }>('SELECT token_hash FROM api_tokens WHERE id = $1', [created.id]);
    expect(row!.token_hash.equals(createHash('sha256').update(created.token).digest())).toBe(true);
    const listed = await a.b.get('/api/me/tokens').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: created.id,
        name: 'laptop',
        kind: 'personal',
        scopes: ['bank:read'],
        status: 'active',
      }),
    ]);
  });

  it('should accept a bearer write without a CSRF token, and still refuse a cookie write without one', async () => {
    const token = (
      await create(a.b, `/api/orgs/${a.orgId}/tokens`, { name: 'invites bot', scopes: ['invites:manage'] })
    ).token;
    const res = await bearer(token, `/api/orgs/${a.orgId}/sets/${setA}/invites`, {
      method: 'POST',
      body: {
        invitees: [{ name: 'By Token', email: 'by-token@example.com' }],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(res.status).toBe(201);
    const [audit] = await t.sql<{ display_name: string }>(
      `SELECT u.display_name FROM candidate_invites i JOIN users u ON u.id = i.created_by WHERE i.email = 'by-token@example.com'`,
    );
    expect(audit?.display_name).toBe('API token: invites bot');

    const cookieOnly = await a.b.agent.post(`/api/orgs/${a.orgId}/sets/${setA}/invites`).send({
      invitees: [{ name: 'X', email: 'x@example.com' }],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(cookieOnly.status).toBe(403);
    expect(cookieOnly.body.code).toBe('CSRF_INVALID');
  });

  it('should judge a bearer request by its token alone, never by a cookie sent along', async () => {
    // The agent sends org A's manager's session cookie along with a dead token.
    expect((await a.b.get(`/api/orgs/${a.orgId}/sets/${setA}/results`)).status).toBe(200);
    const res = await a.b.agent
      .get(`/api/orgs/${a.orgId}/sets/${setA}/results`)
      .set('Authorization', `Bearer gp_${'x'.repeat(43)}`);
    expect([res.status, res.body.code]).toEqual([401, 'API_TOKEN_INVALID']);
    // A live token without the needed scope does not fall back to the session either.
    const bankOnly = (await create(a.b, '/api/me/tokens', { name: 'bank only', scopes: ['bank:read'] })).token;
    const scoped = await a.b.agent
      .get(`/api/orgs/${a.orgId}/sets/${setA}/results`)
      .set('Authorization', `Bearer ${bankOnly}`);
    expect([scoped.status, scoped.body.code]).toEqual([403, 'API_TOKEN_SCOPE_MISSING']);
  });

  it('should refuse a token without the scope, an operation that declares none, and token management', async () => {
    const token = (await create(a.b, `/api/orgs/${a.orgId}/tokens`, { name: 'reader', scopes: ['results:read'] }))
      .token;
    const sets = await bearer(token, `/api/orgs/${a.orgId}/sets`);
    expect([sets.status, await codeOf(sets)]).toEqual([403, 'API_TOKEN_SCOPE_MISSING']);
    const me = await bearer(token, '/api/me');
    expect([me.status, await codeOf(me)]).toEqual([403, 'API_TOKEN_NOT_ALLOWED']);
    const mint = await bearer(token, `/api/orgs/${a.orgId}/tokens`, {
      method: 'POST',
      body: { name: 'child', scopes: ['results:read'] },
    });
    expect([mint.status, await codeOf(mint)]).toEqual([403, 'API_TOKEN_NOT_ALLOWED']);
    // Grading writes results: reading them is not enough.
    const grade = await bearer(token, `/api/orgs/${a.orgId}/results/${crypto.randomUUID()}/items/1/grade`, {
      method: 'PUT',
      body: { score: 1, comment: 'x' },
    });
    expect([grade.status, await codeOf(grade)]).toEqual([403, 'API_TOKEN_NOT_ALLOWED']);
  });

  it('should answer 401 API_TOKEN_INVALID for an unknown, malformed, revoked or expired token', async () => {
    const path = `/api/orgs/${a.orgId}/sets/${setA}/results`;
    for (const wrong of ['gp_' + 'A'.repeat(43), 'gp_short', 'not-a-token', '']) {
      const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${wrong}` } });
      expect([wrong, res.status, await codeOf(res)]).toEqual([wrong, 401, 'API_TOKEN_INVALID']);
    }
    const revoked = await create(a.b, `/api/orgs/${a.orgId}/tokens`, { name: 'to revoke', scopes: ['results:read'] });
    expect((await bearer(revoked.token, path)).status).toBe(200);
    const del = await a.b.agent
      .delete(`/api/orgs/${a.orgId}/tokens/${revoked.id}`)
      .set('X-CSRF-Token', await a.b.csrfToken());
    expect(del.status).toBe(204);
    const after = await bearer(revoked.token, path);
    expect([after.status, await codeOf(after)]).toEqual([401, 'API_TOKEN_INVALID']);
    const listed = (await a.b.get(`/api/orgs/${a.orgId}/tokens`).expect(200)).body as Array<{
      id: string;
      status: string;
    }>;
    expect(listed.find((x) => x.id === revoked.id)?.status).toBe('revoked');

    const expiring = await create(a.b, `/api/orgs/${a.orgId}/tokens`, {
      name: 'short-lived',
      scopes: ['results:read'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await bearer(expiring.token, path)).status).toBe(200);
    await t.sql(
      `UPDATE api_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.id],
    );
    const expired = await bearer(expiring.token, path);
    expect([expired.status, await codeOf(expired)]).toEqual([401, 'API_TOKEN_INVALID']);
  });

  it('should confine an organization token to its organization, and keep it working after its creator leaves', async () => {
    const token = (
      await create(a.b, `/api/orgs/${a.orgId}/tokens`, { name: 'confined', scopes: ['results:read', 'sets:manage'] })
    ).token;
    const other = await bearer(token, `/api/orgs/${b.orgId}/sets/${setB}/results`);
    expect([other.status, await codeOf(other)]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    const otherSets = await bearer(token, `/api/orgs/${b.orgId}/sets`);
    expect(otherSets.status).toBe(404);
    const orgs = await bearer(token, '/api/orgs');
    expect(orgs.status).toBe(403);

    // A second manager creates a token and leaves (there is no leave endpoint yet: the membership row goes).
    const second = await user(t, 'second@example.com');
    const inv = await a.b.post(`/api/orgs/${a.orgId}/invites`, { email: 'second@example.com' });
    expect(
      (await second.post('/api/org-invites/accept', { token: (inv.body as { token: string }).token })).status,
    ).toBe(200);
    const theirs = await create(second, `/api/orgs/${a.orgId}/tokens`, {
      name: 'outlives me',
      scopes: ['results:read'],
    });
    const [me] = (await second.get('/api/me').expect(200)).body.organizations as Array<{ id: string }>;
    await t.sql(
      `DELETE FROM memberships WHERE organization_id = $1 AND user_id = (SELECT id FROM users WHERE email = 'second@example.com')`,
      [me!.id],
    );
    expect((await second.get(`/api/orgs/${a.orgId}/sets/${setA}/results`)).status).toBe(404);
    expect((await bearer(theirs.token, `/api/orgs/${a.orgId}/sets/${setA}/results`)).status).toBe(200);
  });

  it('should let a personal token act as its user: org scopes for managers only, bank:read for anyone', async () => {
    const refused = await learner.post('/api/me/tokens', { name: 'too much', scopes: ['bank:read', 'results:read'] });
    expect([refused.status, refused.body.code]).toEqual([403, 'API_TOKEN_SCOPE_NOT_ALLOWED']);
    const learnerToken = (await create(learner, '/api/me/tokens', { name: 'flashcards', scopes: ['bank:read'] })).token;
    const questions = await bearer(learnerToken, '/api/questions?topic=channels&pageSize=2');
    expect(questions.status).toBe(200);
    expect(((await questions.json()) as { items: unknown[] }).items).toHaveLength(2);

    const managerToken = (await create(b.b, '/api/me/tokens', { name: 'my results', scopes: ['results:read'] })).token;
    expect((await bearer(managerToken, `/api/orgs/${b.orgId}/sets/${setB}/results`)).status).toBe(200);
    expect((await bearer(managerToken, `/api/orgs/${a.orgId}/sets/${setA}/results`)).status).toBe(404);
  });

  it('should refuse an expiry in the past and an unknown scope with 400', async () => {
    const past = await a.b.post('/api/me/tokens', {
      name: 'old',
      scopes: ['bank:read'],
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect([past.status, past.body.code, past.body.fields?.[0]?.field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'expiresAt',
    ]);
    const scope = await a.b.post('/api/me/tokens', { name: 'odd', scopes: ['admin:all'] });
    expect([scope.status, scope.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const none = await a.b.post('/api/me/tokens', { name: 'none', scopes: [] });
    expect(none.status).toBe(400);
  });

  it("should not let anyone revoke another user's or another organization's token", async () => {
    const mine = await create(a.b, '/api/me/tokens', { name: 'mine', scopes: ['bank:read'] });
    const orgs = await create(a.b, `/api/orgs/${a.orgId}/tokens`, { name: 'orgs', scopes: ['bank:read'] });
    const csrf = await b.b.csrfToken();
    expect((await b.b.agent.delete(`/api/me/tokens/${mine.id}`).set('X-CSRF-Token', csrf)).body.code).toBe(
      'API_TOKEN_NOT_FOUND',
    );
    expect((await b.b.agent.delete(`/api/orgs/${b.orgId}/tokens/${orgs.id}`).set('X-CSRF-Token', csrf)).body.code).toBe(
      'API_TOKEN_NOT_FOUND',
    );
    expect((await b.b.agent.delete(`/api/orgs/${a.orgId}/tokens/${orgs.id}`).set('X-CSRF-Token', csrf)).body.code).toBe(
      'ORGANIZATION_NOT_FOUND',
    );
    expect((await bearer(orgs.token, '/api/topics')).status).toBe(200);
  });

  it('should record the last use at most once a minute', async () => {
    const created = await create(a.b, '/api/me/tokens', { name: 'ticker', scopes: ['bank:read'] });
    const lastUsed = async () =>
      (
        await t.sql<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_tokens WHERE id = $1', [created.id])
      )[0]!.last_used_at;
    expect(await lastUsed()).toBeNull();
    expect((await bearer(created.token, '/api/topics')).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await bearer(created.token, '/api/topics')).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBe(first!.getTime());
    await t.sql(`UPDATE api_tokens SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [created.id]);
    const backdated = await lastUsed();
    expect((await bearer(created.token, '/api/topics')).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(backdated!.getTime());
  });

  it('should list at most the newest 200 tokens', async () => {
    const owner = await user(t, 'many@example.com');
    await t.sql(
      `INSERT INTO api_tokens (token_hash, prefix, name, kind, user_id, created_by, scopes, created_at)
       SELECT sha256(('many-' || i)::bytea), 'gp_many', 'bulk ' || i, 'personal', u.id, u.id, ARRAY['bank:read'], now() - make_interval(secs => i)
         FROM users u, generate_series(1, 205) i WHERE u.email = 'many@example.com'`,
    );
    const listed = (await owner.get('/api/me/tokens').expect(200)).body as Array<{ name: string }>;
    expect(listed).toHaveLength(200);
    expect([listed[0]!.name, listed[199]!.name]).toEqual(['bulk 1', 'bulk 200']);
  });

  it("should never let an organization token's bot user log in", async () => {
    const [bot] = await t.sql<{ email: string }>(`SELECT email FROM users WHERE bot LIMIT 1`);
    expect(bot).toBeDefined();
    for (const password of ['!', PASSWORD]) {
      const res = await new Browser(t.server).post('/api/auth/login', { email: bot!.email, password });
      expect(res.status).toBe(401);
    }
  });
});
