import { createWorld, type World } from './world';

/**
 * Integers from paths, queries and bodies that Postgres cannot hold (above 2^31-1, or written as
 * 2.26e+46) were passed to SQL as they were and came back as 500 INTERNAL (issue 13, part 2).
 * Each is now refused at the edge with 400 VALIDATION_FAILED.
 */
describe('bounded integers', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld();
  }, 120_000);
  afterAll(() => w.close());

  const TOO_BIG = ['2147483648', '2.26e+46', '99999999999999999999'];

  const refused = (res: { status: number; body: unknown }) => {
    expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  };

  it.each(TOO_BIG)('should refuse version=%s in the export query', async (n) => {
    const { orgA, setA } = w.ids;
    refused(await w.actors.managerA.send('get', `/api/orgs/${orgA}/sets/${setA}/export?version=${encodeURIComponent(n)}`));
  });

  it.each(TOO_BIG)('should refuse version %s in the version path', async (n) => {
    const { orgA, setA } = w.ids;
    refused(await w.actors.managerA.send('get', `/api/orgs/${orgA}/sets/${setA}/versions/${encodeURIComponent(n)}`));
  });

  it.each(TOO_BIG)('should refuse version %s in the statistics path', async (n) => {
    const { orgA, setA } = w.ids;
    refused(await w.actors.managerA.send('get', `/api/orgs/${orgA}/sets/${setA}/versions/${encodeURIComponent(n)}/statistics`));
  });

  it.each([2147483648, 2.26e46])('should refuse an invite for version %s', async (n) => {
    const { orgA, setA } = w.ids;
    const body = { invitees: [{ name: 'Big', email: 'big@example.com' }], expiresAt: new Date(Date.now() + 86_400_000).toISOString(), version: n };
    refused(await w.actors.managerA.send('post', `/api/orgs/${orgA}/sets/${setA}/invites`, { body }));
  });

  it.each(TOO_BIG)('should refuse grading item %s of a result', async (n) => {
    const { orgA, candidateAttempt } = w.ids;
    refused(await w.actors.managerA.send('put', `/api/orgs/${orgA}/results/${candidateAttempt}/items/${encodeURIComponent(n)}/grade`, { body: { score: 1 } }));
  });

  it.each(TOO_BIG)('should refuse a quiz answer to item %s', async (n) => {
    refused(await w.actors.learner.send('put', `/api/attempts/${w.ids.attempt}/items/${encodeURIComponent(n)}/answer`, { body: { response: { selected: ['a'] } } }));
  });

  it.each(TOO_BIG)('should refuse a candidate answer to item %s', async (n) => {
    refused(await w.actors.candidate.send('put', `/api/candidate/attempt/items/${encodeURIComponent(n)}/answer`, { body: { response: { selected: ['a'] } } }));
  });

  it.each([2147483648, 2.26e46])('should refuse ifRevision %s on a quiz answer', async (n) => {
    refused(await w.actors.learner.send('put', `/api/attempts/${w.ids.attempt}/items/1/answer`, { body: { response: null, ifRevision: n } }));
  });

  it.each(['1.5', 'abc', '-1', '0x10'])('should refuse the non-integer position %s with 400, not a lookup', async (n) => {
    refused(await w.actors.learner.send('put', `/api/attempts/${w.ids.attempt}/items/${encodeURIComponent(n)}/answer`, { body: { response: { selected: ['a'] } } }));
  });

  it('should still answer an in-range position that names no item with 404', async () => {
    const res = await w.actors.learner.send('put', `/api/attempts/${w.ids.attempt}/items/2147483647/answer`, { body: { response: null } });
    expect({ status: res.status, body: res.body as unknown }).toEqual({ status: 404, body: expect.objectContaining({ code: 'ATTEMPT_ITEM_NOT_FOUND' }) });
  });
});
