import { HELD_LOCK_TEST_TIMEOUT_MS, underHeldLock } from './support/held-lock';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';

describe('organizations: create, invite by link, accept, isolation', () => {
  let t: TestApp;
  let owner: Browser;
  let invitee: Browser;
  let outsider: Browser;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = new Browser(t.server);
    invitee = new Browser(t.server);
    outsider = new Browser(t.server);
    await new Browser(t.server).register('admin@example.com', PASSWORD); // takes the admin seat
    await owner.register('owner@example.com', PASSWORD, 'Owner');
    await invitee.register('invitee@example.com', PASSWORD, 'Invitee');
    await outsider.register('outsider@example.com', PASSWORD, 'Outsider');
  });
  afterAll(() => t.close());

  it('should make the creator owner and raise a learner to manager', async () => {
    const res = await owner.post('/api/orgs', { name: '  Acme Infra  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Acme Infra', role: 'owner' });
    orgId = res.body.id;
    const me = await owner.get('/api/me').expect(200);
    expect(me.body.role).toBe('manager');
    expect(me.body.organizations).toEqual([{ id: orgId, name: 'Acme Infra', role: 'owner' }]);
  });

  it('should refuse an organization name that is too short', async () => {
    const res = await owner.post('/api/orgs', { name: 'A' });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('name');
  });

  it('should invite by a single-use link that only a stored hash can match', async () => {
    const res = await owner.post(`/api/orgs/${orgId}/invites`, { email: 'invitee@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.link).toBe(`${t.config.publicUrl}/org-invite/${res.body.token}`);
    const stored = await t.sql<{ token_hash: Buffer }>('SELECT token_hash FROM org_invites');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash.toString('utf8')).not.toContain(res.body.token);

    const accepted = await invitee.post('/api/org-invites/accept', { token: res.body.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ id: orgId, name: 'Acme Infra', role: 'manager' });
    const me = await invitee.get('/api/me').expect(200);
    expect(me.body.role).toBe('manager');

    const again = await outsider.post('/api/org-invites/accept', { token: res.body.token });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITE_INVALID');
  });

  it('should refuse an unknown or malformed invite token', async () => {
    const unknown = await outsider.post('/api/org-invites/accept', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(410);
    const malformed = await outsider.post('/api/org-invites/accept', { token: 'not a token!' });
    expect(malformed.status).toBe(400);
  });

  it('should hide an organization from outsiders with 404', async () => {
    const res = await outsider.post(`/api/orgs/${orgId}/invites`, { email: 'friend@example.com' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ORGANIZATION_NOT_FOUND');
    expect((await outsider.get('/api/orgs').expect(200)).body).toEqual([]);
  });

  it('should answer a path id that is not a UUID with 404, not 500', async () => {
    const res = await owner.post('/api/orgs/not-a-uuid/invites', { email: 'friend@example.com' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('should make a user a member once when two invites to one organization are accepted at the same moment', async () => {
    const res = await owner.post('/api/orgs', { name: 'Twice Invited Ltd' });
    expect(res.status).toBe(201);
    const org = res.body.id as string;
    const twice = new Browser(t.server);
    await twice.register('twice@example.com', PASSWORD, 'Twice');
    const tokens = await Promise.all([1, 2].map(async () => (await owner.post(`/api/orgs/${org}/invites`, { email: 'twice@example.com' })).body.token as string));
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'twice@example.com'`);
    // An uncommitted membership row makes both accepts wait on the key before either can insert; it is then rolled back.
    const accepted = await underHeldLock(
      t,
      `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'manager') RETURNING user_id`,
      [org, user!.id],
      2,
      () => Promise.all(tokens.map((token) => twice.post('/api/org-invites/accept', { token }))),
      'ROLLBACK',
    );
    expect(accepted.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(accepted.find((r) => r.status === 409)!.body.code).toBe('ALREADY_MEMBER');
    const members = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND user_id = $2', [org, user!.id]);
    expect(members[0]!.n).toBe(1);
  }, HELD_LOCK_TEST_TIMEOUT_MS);
});
