import { unwrap } from '@goprep/api-client';
import { Browser, clientFor, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';

const common = {
  topic: 'channels',
  subtopic: 'nil-channels',
  difficulty: 2,
  tags: ['nil-channel', 'org-private'],
  go_version: '1.26',
  expected_seconds: 60,
  references: ['https://go.dev/ref/spec#Close'],
  prompt: 'What happens when a program closes a nil channel?',
  explanation: 'It panics with "close of nil channel". The spec lists it among the run-time panics. No other outcome is possible.',
};

const PROGRAM = 'package main\n\nfunc main() {\n\tvar ch chan int\n\t<-ch\n}\n';

/** One valid body per question type, as a manager's form would send it. */
const BODIES: Record<string, Record<string, unknown>> = {
  single: {
    ...common,
    title: 'Close a nil channel',
    type: 'single',
    options: [
      { id: 'a', text: 'It panics', correct: true, feedback: 'Closing nil is a run-time panic.' },
      { id: 'b', text: 'Nothing happens', correct: false },
    ],
  },
  multi: {
    ...common,
    title: 'Operations that panic',
    type: 'multi',
    options: [
      { id: 'a', text: 'close(nil chan)', correct: true },
      { id: 'b', text: 'close twice', correct: true },
      { id: 'c', text: 'receive from closed', correct: false },
    ],
  },
  'true-false': { ...common, title: 'Closing nil panics', type: 'true-false', answer: true },
  short: { ...common, title: 'Name the built-in', type: 'short', accepted: ['close'], case_sensitive: true },
  numeric: { ...common, title: 'Default GOGC', type: 'numeric', answer: 100, tolerance: 0, unit: '%' },
  'code-output': {
    ...common,
    title: 'What does it print',
    type: 'code-output',
    code: 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n',
    outputs: ['hi\n'],
    verify: [{ kind: 'output' }],
  },
  'code-lines': {
    ...common,
    title: 'Where does it block',
    type: 'code-lines',
    code: PROGRAM,
    lines: [5],
    verify: [{ kind: 'deadlock', lines: [5] }],
  },
  essay: { ...common, title: 'Explain nil channels', type: 'essay', rubric: ['mentions blocking forever', 'mentions select'] },
  flashcard: { ...common, title: 'Nil channel card', type: 'flashcard', answer: 'Send and receive block forever; close panics.' },
};

type Summary = { id: string; title: string; type: string; version: number; verification: string; hasCode: boolean };

describe('org questions: private authoring with the bank rules, versions, isolation', () => {
  let t: TestApp;
  let owner: Browser;
  let rival: Browser;
  let learner: Browser;
  let anonymous: Browser;
  let admin: Browser;
  let orgId: string;
  let rivalOrgId: string;
  const ids: Record<string, string> = {};
  const base = () => `/api/orgs/${orgId}/questions`;

  beforeAll(async () => {
    t = await createTestApp();
    admin = new Browser(t.server);
    owner = new Browser(t.server);
    rival = new Browser(t.server);
    learner = new Browser(t.server);
    anonymous = new Browser(t.server);
    await admin.register('admin@example.com', PASSWORD); // the first account is the admin
    await owner.register('owner@example.com', PASSWORD, 'Owner');
    await rival.register('rival@example.com', PASSWORD, 'Rival');
    await learner.register('learner@example.com', PASSWORD, 'Learner');
    orgId = (await owner.post('/api/orgs', { name: 'Acme Infra' })).body.id;
    rivalOrgId = (await rival.post('/api/orgs', { name: 'Rival Corp' })).body.id;
  });
  afterAll(() => t.close());

  it.each(Object.keys(BODIES))('should create a %s question with an org- id from its title', async (type) => {
    const res = await owner.post(base(), BODIES[type]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type, version: 1, organizationId: orgId, title: BODIES[type]!['title'] });
    expect(res.body.id).toMatch(/^org-[a-z0-9-]+$/);
    expect(res.body.explanation).toBe(common.explanation);
    ids[type] = res.body.id;
  });

  it('should store the key the bank way and keep the rows organization-owned', async () => {
    expect(ids['single']).toBe('org-close-a-nil-channel');
    const single = await owner.get(`${base()}/${ids['single']}`).expect(200);
    expect(single.body.answerKey).toEqual({ type: 'single', correct: 'a' });
    expect(single.body.options[0]).toEqual({ id: 'a', text: 'It panics', correct: true, feedback: 'Closing nil is a run-time panic.' });
    const card = await owner.get(`${base()}/${ids['flashcard']}`).expect(200);
    expect(card.body.answerKey).toEqual({ type: 'flashcard', answer: BODIES['flashcard']!['answer'] });
    const numeric = await owner.get(`${base()}/${ids['numeric']}`).expect(200);
    expect(numeric.body).toMatchObject({ unit: '%', answerKey: { type: 'numeric', answer: 100, tolerance: 0 } });
    const rows = await t.sql<{ organization_id: string }>('SELECT organization_id FROM questions WHERE id = ANY($1)', [Object.values(ids)]);
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.organization_id === orgId)).toBe(true);
  });

  it('should number a second question with the same title', async () => {
    const res = await owner.post(base(), BODIES['single']);
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('org-close-a-nil-channel-2');
    await owner.agent.delete(`${base()}/${res.body.id}`).set('X-CSRF-Token', await owner.csrfToken()).expect(204);
  });

  it('should mark code questions unverified and the others not-applicable, and bank code questions verified', async () => {
    const list = await owner.get(base()).expect(200);
    const byType = new Map((list.body as Summary[]).map((s) => [s.type, s]));
    expect(byType.size).toBe(9);
    for (const [type, summary] of byType) {
      const hasCode = type === 'code-output' || type === 'code-lines';
      expect({ type, verification: summary.verification, hasCode: summary.hasCode }).toEqual({
        type,
        verification: hasCode ? 'unverified' : 'not-applicable',
        hasCode,
      });
    }
    const full = await owner.get(`${base()}/${ids['code-lines']}`).expect(200);
    expect(full.body.verification).toBe('unverified');

    const [bankCode] = await t.sql<{ id: string }>(
      `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND v.code IS NOT NULL LIMIT 1`,
    );
    const [bankPlain] = await t.sql<{ id: string }>(
      `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND v.code IS NULL LIMIT 1`,
    );
    expect((await owner.get(`/api/questions/${bankCode!.id}/preview`).expect(200)).body.verification).toBe('verified');
    expect((await owner.get(`/api/questions/${bankPlain!.id}/preview`).expect(200)).body.verification).toBe('not-applicable');
  });

  it('should refuse invalid questions with the bank rules as field errors, and store nothing', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE organization_id IS NOT NULL');
    const bad = await owner.post(base(), {
      ...BODIES['single'],
      difficulty: 7,
      references: ['http://example.com'],
      options: [
        { id: 'a', text: 'x', correct: true },
        { id: 'a', text: 'y', correct: true },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const fields = (bad.body.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['difficulty', 'references.0']);

    const inconsistent = await owner.post(base(), {
      ...BODIES['single'],
      options: [
        { id: 'a', text: 'x', correct: true },
        { id: 'a', text: 'y', correct: true },
      ],
    });
    expect(inconsistent.status).toBe(400);
    expect(inconsistent.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'options.1.id', message: 'duplicate option id "a"' },
        { field: 'options', message: 'single: exactly one option must be correct (found 2)' },
      ]),
    );

    const noProgram = await owner.post(base(), { ...BODIES['code-lines'], code: undefined, prompt: '' });
    expect(noProgram.status).toBe(400);
    expect((noProgram.body.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(expect.arrayContaining(['code', 'prompt']));

    const wrongLines = await owner.post(base(), { ...BODIES['code-lines'], lines: [4] });
    expect(wrongLines.status).toBe(400);
    expect(wrongLines.body.fields).toEqual([{ field: 'verify.0.lines', message: 'deadlock check lines [5] must equal the key lines [4]' }]);

    const unknownType = await owner.post(base(), { ...BODIES['essay'], type: 'poem' });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.fields[0].field).toBe('type');

    const unknownField = await owner.post(base(), { ...BODIES['essay'], id: 'mm-hijack' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.fields).toEqual([{ field: 'id', message: 'property id should not exist' }]);

    const after = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE organization_id IS NOT NULL');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('should turn an edit into a new immutable version, and an unchanged edit into none', async () => {
    const id = ids['code-output']!;
    const current = await owner.get(`${base()}/${id}`).expect(200);
    const same = await owner.put(`${base()}/${id}`, current.body.source);
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);

    const edited = await owner.put(`${base()}/${id}`, {
      ...current.body.source,
      title: 'What does it print now',
      code: 'package main\n\nfunc main() {\n\tprintln("bye")\n}\n',
      outputs: ['bye\n'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, version: 2, title: 'What does it print now', verification: 'unverified' });

    const versions = await t.sql<{ version: number; title: string; content_hash: string }>(
      'SELECT version, title, content_hash FROM question_versions WHERE question_id = $1 ORDER BY version',
      [id],
    );
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [1, 'What does it print'],
      [2, 'What does it print now'],
    ]);
    expect(versions[0]!.content_hash).not.toBe(versions[1]!.content_hash);

    const invalid = await owner.put(`${base()}/${id}`, { ...current.body.source, outputs: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields[0].field).toBe('outputs');
    expect((await owner.get(`${base()}/${id}`).expect(200)).body.version).toBe(2);
  });

  it('should let another manager of the same organization read and edit, through the generated client', async () => {
    const invite = await owner.post(`/api/orgs/${orgId}/invites`, { email: 'colleague@example.com' });
    const client = await clientFor(t);
    await unwrap(client.POST('/api/auth/register', { body: { email: 'colleague@example.com', password: PASSWORD, displayName: 'Colleague' } }));
    await unwrap(client.POST('/api/org-invites/accept', { body: { token: invite.body.token } }));
    const list = await unwrap(client.GET('/api/orgs/{orgId}/questions', { params: { path: { orgId } } }));
    expect(list.map((q) => q.id).sort()).toEqual(Object.values(ids).sort());
    const q = await unwrap(client.GET('/api/orgs/{orgId}/questions/{id}', { params: { path: { orgId, id: ids['essay']! } } }));
    const updated = await unwrap(
      client.PUT('/api/orgs/{orgId}/questions/{id}', {
        params: { path: { orgId, id: q.id } },
        body: { ...q.source, rubric: ['mentions blocking forever'] },
      }),
    );
    expect(updated.version).toBe(2);
    expect(updated.answerKey).toEqual({ type: 'essay', rubric: ['mentions blocking forever'] });
  });

  it('should retire a question without deleting any row', async () => {
    const id = ids['flashcard']!;
    const token = await owner.csrfToken();
    await owner.agent.delete(`${base()}/${id}`).set('X-CSRF-Token', token).expect(204);
    expect((await owner.get(base()).expect(200)).body.map((s: Summary) => s.id)).not.toContain(id);
    const gone = await owner.get(`${base()}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('ORG_QUESTION_NOT_FOUND');
    expect((await owner.put(`${base()}/${id}`, BODIES['flashcard'])).status).toBe(404);
    expect((await owner.agent.delete(`${base()}/${id}`).set('X-CSRF-Token', token)).status).toBe(404);
    const rows = await t.sql<{ retired_at: Date | null; versions: number }>(
      'SELECT q.retired_at, (SELECT count(*)::int FROM question_versions v WHERE v.question_id = q.id) AS versions FROM questions q WHERE q.id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.retired_at).not.toBeNull();
    expect(rows[0]!.versions).toBe(1);
  });

  it('should answer 404 on every route to a manager of another organization and to a learner outside it', async () => {
    const id = ids['single']!;
    for (const outsider of [rival, learner]) {
      const responses = [
        await outsider.get(base()),
        await outsider.post(base(), BODIES['essay']),
        await outsider.get(`${base()}/${id}`),
        await outsider.put(`${base()}/${id}`, BODIES['single']),
        await outsider.agent.delete(`${base()}/${id}`).set('X-CSRF-Token', await outsider.csrfToken()),
      ];
      expect(responses.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([404, 'ORGANIZATION_NOT_FOUND']));
    }
    // Through the rival's own organization, the question does not exist either.
    const rivalBase = `/api/orgs/${rivalOrgId}/questions`;
    expect((await rival.get(rivalBase).expect(200)).body).toEqual([]);
    const responses = [
      await rival.get(`${rivalBase}/${id}`),
      await rival.put(`${rivalBase}/${id}`, BODIES['single']),
      await rival.agent.delete(`${rivalBase}/${id}`).set('X-CSRF-Token', await rival.csrfToken()),
    ];
    expect(responses.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([404, 'ORG_QUESTION_NOT_FOUND']));
    expect((await owner.get(`${base()}/${id}`).expect(200)).body.version).toBe(1);
  });

  it('should answer 401 on every route without a session', async () => {
    const id = ids['single']!;
    const responses = [
      await anonymous.get(base()),
      await anonymous.post(base(), BODIES['essay']),
      await anonymous.get(`${base()}/${id}`),
      await anonymous.put(`${base()}/${id}`, BODIES['single']),
      await anonymous.agent.delete(`${base()}/${id}`).set('X-CSRF-Token', await anonymous.csrfToken()),
    ];
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
  });

  it('should never show organization questions in the public bank endpoints', async () => {
    const all = await learner.get('/api/questions?pageSize=100&q=nil').expect(200);
    const byTag = await learner.get('/api/questions?tag=org-private').expect(200);
    expect(byTag.body.total).toBe(0);
    const listed: string[] = (all.body.items as Array<{ id: string }>).map((i) => i.id);
    expect(listed.filter((id) => id.startsWith('org-'))).toEqual([]);
    let total = 0;
    for (let page = 1; ; page++) {
      const res = await learner.get(`/api/questions?pageSize=100&page=${page}`).expect(200);
      const pageIds = (res.body.items as Array<{ id: string }>).map((i) => i.id);
      for (const id of Object.values(ids)) expect(pageIds).not.toContain(id);
      total += pageIds.length;
      if (pageIds.length < 100) break;
    }
    const [bank] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE organization_id IS NULL AND retired_at IS NULL');
    expect(total).toBe(bank!.n);
    expect((await learner.get(`/api/questions/${ids['single']}`)).status).toBe(404);
    expect((await owner.get(`/api/questions/${ids['single']}/preview`)).status).toBe(404);
    const topics = await learner.get('/api/topics').expect(200);
    const channels = (topics.body as Array<{ id: string; questionCount: number }>).find((x) => x.id === 'channels');
    const [bankChannels] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM questions WHERE topic_id = 'channels' AND organization_id IS NULL AND retired_at IS NULL`,
    );
    expect(channels?.questionCount).toBe(bankChannels!.n);
  });
});
