import { bankQuestions, candidate, fixed, manager, publishedSet, tokenOf, type Json } from './support/hiring';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', PUBLIC_URL: 'http://goprep.test' };
const inFuture = (ms: number): string => new Date(Date.now() + ms).toISOString();

describe('hiring: re-issuing an invite link', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ENV);
  });
  afterAll(() => t.close());

  it('should give a fresh link for the same invite and make the old link fail', async () => {
    const { b: m, orgId } = await manager(t, 'reissue@hooli.example', 'Hooli');
    const [q] = await bankQuestions(t, 'single', 1);
    const { setId } = await publishedSet(m, orgId, { title: 'Reissued', items: [fixed(q!)] });
    const created = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { invitees: [{ name: 'Lost', email: 'lost@cand.example' }], expiresAt: inFuture(3600_000) });
    const invite = (created.body as { invites: Array<{ id: string; link: string }> }).invites[0]!;
    const oldToken = tokenOf(invite.link);
    // The candidate opened the first link once: that page must stop working too.
    const early = await candidate(t, oldToken);

    const res = await m.post(`/api/orgs/${orgId}/invites/${invite.id}/reissue`, {});
    expect(res.status).toBe(200);
    const body = res.body as { id: string; link: string; mailed: boolean; status: string };
    expect(body.id).toBe(invite.id);
    expect(body.link).toMatch(/^http:\/\/goprep\.test\/take#/);
    expect(tokenOf(body.link)).not.toBe(oldToken);
    expect(body.status).toBe('invited');

    const stale = await new Browser(t.server).post('/api/candidate/session', { token: oldToken });
    expect(stale.status).toBe(404);
    expect((stale.body as Json).code).toBe('CANDIDATE_INVITE_NOT_FOUND');
    const oldSession = await early.b.get('/api/candidate/status');
    expect(oldSession.status).toBe(404);
    expect((oldSession.body as Json).code).toBe('CANDIDATE_INVITE_NOT_FOUND');

    const fresh = await candidate(t, tokenOf(body.link));
    expect(fresh.status).toMatchObject({ candidateName: 'Lost', title: 'Reissued', canStart: true });

    const list = await m.get(`/api/orgs/${orgId}/sets/${setId}/invites`).expect(200);
    expect((list.body as Array<{ id: string }>).map((i) => i.id)).toEqual([invite.id]);
    const audit = await m.get(`/api/orgs/${orgId}/invites/${invite.id}/audit`).expect(200);
    expect((audit.body as Array<{ action: string }>).map((e) => e.action)).toContain('invite.reissued');
  });

  it('should refuse to re-issue a revoked invite (409) and an unknown one (404)', async () => {
    const { b: m, orgId } = await manager(t, 'revoked@hooli.example', 'Initech');
    const [q] = await bankQuestions(t, 'single', 1);
    const { setId } = await publishedSet(m, orgId, { title: 'Revoked', items: [fixed(q!)] });
    const created = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { invitees: [{ name: 'Gone', email: 'gone@cand.example' }], expiresAt: inFuture(3600_000) });
    const id = (created.body as { invites: Array<{ id: string }> }).invites[0]!.id;
    await m.post(`/api/orgs/${orgId}/invites/${id}/revoke`, {});
    const res = await m.post(`/api/orgs/${orgId}/invites/${id}/reissue`, {});
    expect(res.status).toBe(409);
    expect((res.body as Json).code).toBe('INVITE_REVOKED');
    const unknown = await m.post(`/api/orgs/${orgId}/invites/00000000-0000-4000-8000-000000000000/reissue`, {});
    expect(unknown.status).toBe(404);
    expect((unknown.body as Json).code).toBe('INVITE_NOT_FOUND');
  });
});
