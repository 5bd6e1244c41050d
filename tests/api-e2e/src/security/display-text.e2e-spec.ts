import { createWorld, type World } from './world';

/**
 * Names and other strings people see accepted control characters (issue 13, part 3): a terminal
 * escape or a NUL in an org name or an invitee's name went into pages, CSV exports and mails.
 */
describe('display strings refuse control characters', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld();
  }, 120_000);
  afterAll(() => w.close());

  const CONTROLS = ['esc\u001b[2J', 'nul\u0000x', 'bell\u0007', 'c1\u0085', 'new\nline'];

  const refused = (res: { status: number; body: unknown }) => {
    expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  };

  it.each(CONTROLS)('should refuse the organization name %j', async (bad) => {
    refused(await w.actors.managerA.send('post', '/api/orgs', { body: { name: `Org ${bad}` } }));
  });

  it.each(CONTROLS)('should refuse the display name %j at registration', async (bad) => {
    const email = `ctl-${Math.random().toString(36).slice(2)}@example.com`;
    refused(await w.actors.anonymous.send('post', '/api/auth/register', { body: { email, password: 'a long enough secret', displayName: `Ada ${bad}` } }));
  });

  it.each(CONTROLS)('should refuse the set title %j', async (bad) => {
    refused(await w.actors.managerA.send('post', `/api/orgs/${w.ids.orgA}/sets`, { body: { title: `Screen ${bad}` } }));
  });

  it.each(CONTROLS)('should refuse the invitee name %j, listed or in a CSV', async (bad) => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const url = `/api/orgs/${w.ids.orgA}/sets/${w.ids.setA}/invites`;
    refused(await w.actors.managerA.send('post', url, { body: { invitees: [{ name: `Eve ${bad}`, email: 'eve@example.com' }], expiresAt } }));
    if (bad.includes('\n')) return;
    // A pasted list is cleaned where it can be (C0 controls become spaces, as a spreadsheet's stray
    // tabs do); what is left (C1 controls) is refused. Either way no control character is stored.
    const csv = await w.actors.managerA.send('post', url, { body: { csv: `Eve ${bad}, eve-csv@example.com`, expiresAt } });
    if (csv.status === 201) {
      const names = (csv.body as { invites: Array<{ name: string }> }).invites.map((i) => i.name);
      // eslint-disable-next-line no-control-regex
      expect(names).toEqual([expect.stringMatching(/^[^\u0000-\u001f\u007f-\u009f]+$/)]);
    } else {
      refused(csv);
    }
  });

  it('should refuse control characters in Markdown instructions but keep line breaks and tabs', async () => {
    const created = await w.actors.managerA.send('post', `/api/orgs/${w.ids.orgA}/sets`, { body: { title: 'Markdown' } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const draft = (instructions: string) => ({
      title: 'Markdown',
      instructions,
      timeLimitSeconds: 1800,
      shuffleOptions: false,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: 'full',
      items: [{ kind: 'fixed', points: 1, questionId: w.ids.question }],
    });
    refused(await w.actors.managerA.send('put', `/api/orgs/${w.ids.orgA}/sets/${id}/draft`, { body: draft('# Rules\u001b[31m') }));
    const ok = await w.actors.managerA.send('put', `/api/orgs/${w.ids.orgA}/sets/${id}/draft`, { body: draft('# Rules\r\n\n\tAnswer all.') });
    expect(ok.status).toBe(200);
  });

  it('should still take names in any script', async () => {
    const res = await w.actors.managerA.send('post', '/api/orgs', { body: { name: 'Zoë 李 🚀' } });
    expect(res.status).toBe(201);
  });
});

describe('required request bodies', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld();
  }, 120_000);
  afterAll(() => w.close());

  it('should refuse PUT /api/drills/settings without a body (400), and leave the settings as they were', async () => {
    const before = (await w.actors.learner.send('get', '/api/drills/settings')).body as unknown;
    const res = await w.actors.learner.send('put', '/api/drills/settings');
    expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await w.actors.learner.send('get', '/api/drills/settings')).body).toEqual(before);
  });

  it('should still take an empty JSON object as "change nothing"', async () => {
    const res = await w.actors.learner.send('put', '/api/drills/settings', { body: {} });
    expect(res.status).toBe(200);
  });
});
