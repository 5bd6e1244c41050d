import { QuestionSetsService } from '@goprep/api/testing';
import { loadTemplates } from '@goprep/question-bank';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';

type Json = Record<string, unknown>;
interface Item {
  kind: 'fixed' | 'pool';
  points: number;
  questionId?: string;
  versionId?: string;
  topic?: string;
  count?: number;
  difficulty?: number[];
  types?: string[];
  excludeTags?: string[];
  question?: { title: string; version: number; private: boolean };
  eligible?: number;
}
interface SetView {
  id: string;
  orgId: string;
  title: string;
  archivedAt: string | null;
  versions: Array<{ version: number; state: string; itemCount: number; publishedAt: string | null }>;
  current: {
    id: string;
    version: number;
    state: string;
    title: string;
    instructions: string;
    timeLimitSeconds: number;
    shuffleOptions: boolean;
    overduePolicy: string;
    submitGraceSeconds: number;
    reviewPolicy: string;
    items: Item[];
  };
  summary: {
    questions: number;
    fixedQuestions: number;
    poolQuestions: number;
    totalPoints: number;
    expectedSeconds: number;
    timeLimitSeconds: number;
    overTimeLimit: boolean;
    byTopic: Array<{ key: string; count: number }>;
    shortfalls: Array<{ item: number; topic: string; wanted: number; drawn: number; eligible: number }>;
  };
}

const ORG_ESSAY = {
  title: 'Design a bounded worker pool',
  topic: 'channels',
  subtopic: 'worker-pools',
  type: 'essay',
  difficulty: 4,
  tags: ['design'],
  go_version: '1.26',
  expected_seconds: 600,
  references: ['https://go.dev/ref/spec#Channel_types'],
  prompt: 'Design a worker pool with a bounded queue and graceful shutdown.',
  explanation: 'A good answer bounds the queue with a buffered channel and closes it to stop the workers.',
  rubric: ['bounded queue', 'shutdown without leaks'],
};
const ORG_CARD = { ...ORG_ESSAY, title: 'Nil channel card', type: 'flashcard', answer: 'Send and receive block forever.' };
delete (ORG_CARD as Json)['rubric'];

/** Settings a client sends with every draft save. */
const SETTINGS = {
  title: 'Senior backend screen',
  instructions: 'Answer alone. No IDE.',
  timeLimitSeconds: 45 * 60,
  shuffleOptions: true,
  overduePolicy: 'grace-period',
  submitGraceSeconds: 120,
  reviewPolicy: 'correctness',
};

/** Awaits a request of the CSRF-aware Browser and checks its status, showing the body when it differs. */
async function want<T extends { status: number; body: unknown }>(request: Promise<T>, status: number): Promise<T> {
  const res = await request;
  expect({ status: res.status, body: res.status === status ? undefined : res.body }).toEqual({ status, body: undefined });
  return res;
}

/** What PUT /draft accepts of what GET returned: the input fields of each item. */
function asInput(items: Item[]): Json[] {
  return items.map((i) =>
    i.kind === 'fixed'
      ? { kind: 'fixed', questionId: i.questionId, versionId: i.versionId, points: i.points }
      : {
          kind: 'pool',
          topic: i.topic,
          count: i.count,
          difficulty: i.difficulty,
          points: i.points,
          ...(i.types ? { types: i.types } : {}),
          ...(i.excludeTags ? { excludeTags: i.excludeTags } : {}),
        },
  );
}

describe('question sets: templates, drafts, versions, publish, duplicate, archive, export/import, audit, isolation', () => {
  let t: TestApp;
  let owner: Browser;
  let rival: Browser;
  let learner: Browser;
  let anonymous: Browser;
  let orgId: string;
  let rivalOrgId: string;
  let setId: string;
  let blankId: string;
  let copyId: string;
  let importedId: string;
  let essayId: string;
  let cardId: string;
  let rivalQuestionId: string;
  /** Two current bank questions of the channels topic (single choice), read from the database. */
  let bank: Array<{ id: string; version_id: string; title: string }>;
  let v1Items: Item[];
  const sets = () => `/api/orgs/${orgId}/sets`;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = new Browser(t.server);
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
    essayId = (await want(owner.post(`/api/orgs/${orgId}/questions`, ORG_ESSAY), 201)).body.id;
    cardId = (await want(owner.post(`/api/orgs/${orgId}/questions`, ORG_CARD), 201)).body.id;
    rivalQuestionId = (await want(rival.post(`/api/orgs/${rivalOrgId}/questions`, { ...ORG_ESSAY, title: 'Rival essay' }), 201)).body.id;
    bank = await t.sql(
      `SELECT q.id, v.id AS version_id, v.title FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.topic_id = 'channels' AND v.type = 'single'
        ORDER BY q.id LIMIT 2`,
    );
    expect(bank).toHaveLength(2);
  });
  afterAll(() => t.close());

  it('should list the role templates with their levels as pools', async () => {
    const res = await owner.get('/api/set-templates').expect(200);
    const files = loadTemplates().templates;
    expect((res.body as Array<{ id: string }>).map((x) => x.id).sort()).toEqual(files.map((f) => f.id).sort());
    const backend = (res.body as Array<{ id: string; levels: Array<{ level: string; timeLimitSeconds: number; questions: number; pools: Item[] }> }>).find(
      (x) => x.id === 'backend',
    )!;
    const senior = backend.levels.find((l) => l.level === 'senior')!;
    const file = files.find((f) => f.id === 'backend')!.levels.senior;
    expect(senior.timeLimitSeconds).toBe(file.timeLimitMinutes * 60);
    expect(senior.pools).toHaveLength(file.pools.length);
    expect(senior.questions).toBe(file.pools.reduce((sum, p) => sum + p.count, 0));
    expect(senior.pools[0]).toMatchObject({ kind: 'pool', topic: file.pools[0]!.topic, count: file.pools[0]!.count, points: 1 });
  });

  it('should create a set from the senior backend template as draft v1 with the template pools', async () => {
    const res = await owner.post(sets(), { title: 'Senior backend screen', templateId: 'backend', level: 'senior' });
    expect(res.status).toBe(201);
    const set = res.body as SetView;
    setId = set.id;
    const file = loadTemplates().templates.find((f) => f.id === 'backend')!.levels.senior;
    expect(set.orgId).toBe(orgId);
    expect(set.versions).toEqual([expect.objectContaining({ version: 1, state: 'draft', publishedAt: null })]);
    expect(set.current).toMatchObject({ version: 1, state: 'draft', timeLimitSeconds: file.timeLimitMinutes * 60, title: 'Senior backend screen' });
    expect(set.current.items.every((i) => i.kind === 'pool')).toBe(true);
    expect(set.current.items).toHaveLength(file.pools.length);
    expect(set.summary.questions).toBe(16);
    expect(set.summary.shortfalls).toEqual([]);
    expect(set.summary.expectedSeconds).toBeGreaterThan(0);
  });

  it('should refuse an unknown template', async () => {
    const res = await owner.post(sets(), { title: 'x', templateId: 'astronaut' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('should add fixed items pinned to the current version, a pool, and reorder them', async () => {
    const before = (await owner.get(`${sets()}/${setId}`).expect(200)).body as SetView;
    const items = [
      ...asInput(before.current.items),
      { kind: 'fixed', questionId: bank[0]!.id, points: 2 },
      { kind: 'fixed', questionId: essayId, points: 5 },
      { kind: 'pool', topic: 'gc-tuning', count: 1, difficulty: [3, 5], excludeTags: ['kubernetes'], points: 3 },
    ];
    const saved = await owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, items });
    expect(saved.status).toBe(200);
    const set = saved.body as SetView;
    expect(set.versions).toHaveLength(1);
    expect(set.current).toMatchObject({ ...SETTINGS, version: 1, state: 'draft' });
    const fixed = set.current.items.filter((i) => i.kind === 'fixed');
    expect(fixed.map((i) => [i.questionId, i.versionId])).toEqual([
      [bank[0]!.id, bank[0]!.version_id],
      [essayId, (await t.sql<{ id: string }>('SELECT id FROM question_versions WHERE question_id = $1', [essayId]))[0]!.id],
    ]);
    expect(fixed[0]!.question).toMatchObject({ title: bank[0]!.title, version: expect.any(Number), private: false });
    expect(fixed[1]!.question).toMatchObject({ title: ORG_ESSAY.title, private: true });
    expect(set.summary).toMatchObject({ fixedQuestions: 2, poolQuestions: 17, questions: 19 });
    // 16 template questions (15 and a code task) at 1 point, 2 + 5 fixed, one pool question at 3.
    expect(set.summary.totalPoints).toBe(16 + 2 + 5 + 3);

    // Reorder: the essay first, the last pool second, the rest after them.
    const current = set.current.items;
    const essay = current.findIndex((i) => i.questionId === essayId);
    const order = [essay, current.length - 1, ...current.map((_, i) => i).filter((i) => i !== essay && i !== current.length - 1)];
    const reordered = await owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, items: asInput(order.map((i) => current[i]!)) }).then((r) => r.body as SetView);
    expect(reordered.current.items[0]).toMatchObject({ kind: 'fixed', questionId: essayId });
    expect(reordered.current.items[1]).toMatchObject({ kind: 'pool', topic: 'gc-tuning', count: 1, excludeTags: ['kubernetes'] });
    expect(reordered.current.items).toHaveLength(current.length);
    expect(reordered.versions).toHaveLength(1);
  });

  it.each([
    ['an unknown question', { kind: 'fixed', questionId: 'no-such-question', points: 1 }, 'items.0.questionId'],
    ['zero points', { kind: 'fixed', questionId: 'ANY', points: 0 }, 'items.0.points'],
    ['a pool with an empty difficulty range', { kind: 'pool', topic: 'channels', count: 1, difficulty: [4, 2], points: 1 }, 'items.0.difficulty'],
    ['a pool of an unknown topic', { kind: 'pool', topic: 'cobol', count: 1, difficulty: [1, 5], points: 1 }, 'items.0.topic'],
    ['a pool allowing flashcards', { kind: 'pool', topic: 'channels', count: 1, difficulty: [1, 5], types: ['flashcard'], points: 1 }, 'items.0.types'],
    ['a pool of 0 questions', { kind: 'pool', topic: 'channels', count: 0, difficulty: [1, 5], points: 1 }, 'items.0.count'],
    ['an unknown kind', { kind: 'random', points: 1 }, 'items.0.kind'],
  ])('should refuse a draft with %s (400 VALIDATION_FAILED naming the field)', async (_, item, field) => {
    const body = { ...SETTINGS, items: [{ ...item, ...((item as Json)['questionId'] === 'ANY' ? { questionId: bank[0]!.id } : {}) }] };
    const res = await owner.put(`${sets()}/${setId}/draft`, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((res.body.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
  });

  it('should refuse flashcards, duplicates, another organization\'s question and a version of another question', async () => {
    const items = [
      { kind: 'fixed', questionId: cardId, points: 1 },
      { kind: 'fixed', questionId: bank[0]!.id, points: 1 },
      { kind: 'fixed', questionId: bank[0]!.id, points: 1 },
      { kind: 'fixed', questionId: rivalQuestionId, points: 1 },
      { kind: 'fixed', questionId: bank[1]!.id, versionId: bank[0]!.version_id, points: 1 },
    ];
    const res = await owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, items });
    expect(res.status).toBe(400);
    expect((res.body.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual([
      'items.0.questionId',
      'items.2.questionId',
      'items.3.questionId',
      'items.4.versionId',
    ]);
    // Nothing of the refused draft was stored.
    const set = (await owner.get(`${sets()}/${setId}`).expect(200)).body as SetView;
    expect(set.current.items[0]).toMatchObject({ questionId: essayId });
  });

  it.each([
    ['a time limit under a minute', { timeLimitSeconds: 30 }, 'timeLimitSeconds'],
    ['a time limit over 8 hours', { timeLimitSeconds: 8 * 3600 + 1 }, 'timeLimitSeconds'],
    ['the old quiz review policy name', { reviewPolicy: 'score-only' }, 'reviewPolicy'],
    ['an unknown overdue policy', { overduePolicy: 'ignore' }, 'overduePolicy'],
    ['a blank title', { title: '   ' }, 'title'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('should refuse settings with %s', async (_, over, field) => {
    const res = await owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, items: [], ...over });
    expect(res.status).toBe(400);
    expect((res.body.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
  });

  it('should refuse to publish an empty set and a pool that cannot be filled, with clear codes', async () => {
    const blank = (await want(owner.post(sets(), { title: 'Blank' }), 201)).body as SetView;
    blankId = blank.id;
    expect(blank.current).toMatchObject({ items: [], reviewPolicy: 'score', overduePolicy: 'auto-submit' });
    const empty = await owner.post(`${sets()}/${blankId}/publish`);
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('SET_EMPTY');

    const [{ n } = { n: -1 }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.retired_at IS NULL AND (q.organization_id IS NULL OR q.organization_id = $1) AND v.topic_id = 'channels' AND v.type = 'essay'`,
      [orgId],
    );
    const tooMany = { kind: 'pool', topic: 'channels', count: n + 1, difficulty: [1, 5], types: ['essay'], points: 1 };
    const draft = (await want(owner.put(`${sets()}/${blankId}/draft`, { ...SETTINGS, title: 'Blank', items: [{ kind: 'fixed', questionId: bank[1]!.id, points: 1 }, tooMany] }), 200))
      .body as SetView;
    expect(draft.summary.shortfalls).toEqual([{ item: 1, topic: 'channels', wanted: n + 1, drawn: n, eligible: n }]);
    expect(draft.current.items[1]!.eligible).toBe(n);
    const short = await owner.post(`${sets()}/${blankId}/publish`);
    expect(short.status).toBe(422);
    expect(short.body.code).toBe('SET_POOL_SHORT');
    expect(short.body.fields).toEqual([{ field: 'items.1', message: expect.stringContaining(`${n} of ${n + 1}`) }]);
    expect((await owner.get(`${sets()}/${blankId}`).expect(200)).body.versions).toEqual([expect.objectContaining({ state: 'draft' })]);
  });

  it('should publish v1, then refuse a second publish without a draft', async () => {
    const res = await owner.post(`${sets()}/${setId}/publish`);
    expect(res.status).toBe(200);
    const set = res.body as SetView;
    expect(set.versions).toEqual([expect.objectContaining({ version: 1, state: 'published', publishedAt: expect.any(String) })]);
    expect(set.current.state).toBe('published');
    v1Items = set.current.items;
    const again = await owner.post(`${sets()}/${setId}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SET_NO_DRAFT');
    // Saving the published content unchanged (an autosave) starts no draft.
    const same = (await want(owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, items: asInput(v1Items) }), 200)).body as SetView;
    expect(same.versions.map((v) => v.state)).toEqual(['published']);
  });

  it('should create a v2 draft when a published set is edited, leaving v1 frozen', async () => {
    const edited = asInput(v1Items).slice(1);
    const res = await owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, title: 'Senior backend screen v2', reviewPolicy: 'full', items: edited });
    expect(res.status).toBe(200);
    const set = res.body as SetView;
    expect(set.versions.map((v) => [v.version, v.state])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(set.current).toMatchObject({ version: 2, state: 'draft', reviewPolicy: 'full', title: 'Senior backend screen v2' });
    expect(set.title).toBe('Senior backend screen v2');
    // A second save edits the same draft.
    const again = (await want(owner.put(`${sets()}/${setId}/draft`, { ...SETTINGS, title: 'Senior backend screen v2', items: edited }), 200)).body as SetView;
    expect(again.versions).toHaveLength(2);

    const v1 = await owner.get(`${sets()}/${setId}/versions/1`).expect(200);
    expect(v1.body).toMatchObject({ version: 1, state: 'published', title: 'Senior backend screen', reviewPolicy: 'correctness' });
    expect(v1.body.items).toEqual(v1Items);
    expect((await owner.get(`${sets()}/${setId}/versions/2`).expect(200)).body.items).toHaveLength(v1Items.length - 1);
    const missing = await owner.get(`${sets()}/${setId}/versions/3`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('SET_VERSION_NOT_FOUND');
    // Not even the database lets a published version change.
    await expect(t.sql(`UPDATE question_set_versions SET title = 'changed' WHERE set_id = $1 AND version = 1`, [setId])).rejects.toThrow(/published/);
  });

  it('should give the invite flow the published version only, within its organization', async () => {
    const service = t.app.get(QuestionSetsService);
    const v1 = (await owner.get(`${sets()}/${setId}/versions/1`).expect(200)).body as SetView['current'];
    const latest = await service.loadPublishedVersion(orgId, setId);
    expect(latest).toMatchObject({ id: v1.id, setId, orgId, version: 1, title: 'Senior backend screen', reviewPolicy: 'correctness', timeLimitSeconds: 45 * 60 });
    expect(latest.items).toEqual(asInput(v1Items));
    expect(latest.publishedAt).toBeInstanceOf(Date);
    expect(await service.loadPublishedVersionById(v1.id)).toEqual(latest);
    await expect(service.loadPublishedVersion(orgId, setId, 2)).rejects.toMatchObject({ code: 'SET_VERSION_NOT_FOUND' });
    await expect(service.loadPublishedVersion(rivalOrgId, setId)).rejects.toMatchObject({ code: 'QUESTION_SET_NOT_FOUND' });
    await expect(service.loadPublishedVersion(orgId, blankId)).rejects.toMatchObject({ code: 'SET_VERSION_NOT_FOUND' });
    const draftId = (await owner.get(`${sets()}/${setId}`).expect(200)).body.current.id as string;
    await expect(service.loadPublishedVersionById(draftId)).rejects.toMatchObject({ code: 'SET_VERSION_NOT_FOUND' });
    // What pools draw from: bank and own questions, never another organization's, never flashcards.
    const candidates = await service.poolCandidates(orgId);
    const ids = new Set(candidates.map((c) => c.id));
    expect(ids.has(essayId)).toBe(true);
    expect(ids.has(cardId)).toBe(false);
    expect(ids.has(rivalQuestionId)).toBe(false);
    expect(ids.has(bank[0]!.id)).toBe(true);
  });

  it('should duplicate a set into a new draft v1 with the same content', async () => {
    const res = await owner.post(`${sets()}/${setId}/duplicate`);
    expect(res.status).toBe(201);
    const copy = res.body as SetView;
    copyId = copy.id;
    expect(copy.id).not.toBe(setId);
    expect(copy.title).toBe('Senior backend screen v2 (copy)');
    expect(copy.versions).toEqual([expect.objectContaining({ version: 1, state: 'draft' })]);
    const source = (await owner.get(`${sets()}/${setId}`).expect(200)).body as SetView;
    expect(copy.current.items).toEqual(source.current.items);
    expect(copy.current.timeLimitSeconds).toBe(source.current.timeLimitSeconds);
  });

  it('should archive and unarchive, hiding the set from the default list and refusing edits meanwhile', async () => {
    const archived = await owner.post(`${sets()}/${copyId}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const active = (await owner.get(sets()).expect(200)).body as Array<{ id: string }>;
    expect(active.map((s) => s.id)).not.toContain(copyId);
    expect(active.map((s) => s.id)).toEqual(expect.arrayContaining([setId, blankId]));
    const listed = (await owner.get(`${sets()}?archived=true`).expect(200)).body as Array<{ id: string; archivedAt: string }>;
    expect(listed.map((s) => s.id)).toEqual([copyId]);
    const edit = await owner.put(`${sets()}/${copyId}/draft`, { ...SETTINGS, items: [] });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('SET_ARCHIVED');
    expect((await owner.post(`${sets()}/${copyId}/publish`)).body.code).toBe('SET_ARCHIVED');
    expect((await want(owner.post(`${sets()}/${copyId}/unarchive`), 200)).body.archivedAt).toBeNull();
    expect(((await owner.get(sets()).expect(200)).body as Array<{ id: string }>).map((s) => s.id)).toContain(copyId);
    expect((await owner.get(`${sets()}?archived=maybe`)).status).toBe(400);
  });

  it('should list sets with their latest version, published version and counts', async () => {
    const list = (await owner.get(sets()).expect(200)).body as Array<Json>;
    const main = list.find((s) => s['id'] === setId)!;
    expect(main).toMatchObject({
      title: 'Senior backend screen v2',
      latestVersion: 2,
      latestState: 'draft',
      publishedVersion: 1,
      itemCount: v1Items.length - 1,
      archivedAt: null,
    });
  });

  it('should round-trip a version through the JSON export and import', async () => {
    const exported = await owner.get(`${sets()}/${setId}/export?format=json&version=1`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/application\/json/);
    expect(exported.body).toMatchObject({ format: 'goprep-question-set', formatVersion: 1, sourceVersion: 1, title: 'Senior backend screen' });
    const res = await owner.post(`${sets()}/import`, exported.body);
    expect(res.status).toBe(201);
    const imported = res.body as SetView;
    importedId = imported.id;
    expect(imported.versions).toEqual([expect.objectContaining({ version: 1, state: 'draft' })]);
    expect(imported.current.items).toEqual(v1Items);
    expect(imported.current).toMatchObject({ title: 'Senior backend screen', reviewPolicy: 'correctness', overduePolicy: 'grace-period', submitGraceSeconds: 120 });

    // A version id unknown here falls back to the version with the exported content hash.
    const moved = structuredClone(exported.body) as { items: Json[] };
    const fixedAt = moved.items.findIndex((i) => i['kind'] === 'fixed');
    moved.items[fixedAt]!['versionId'] = '00000000-0000-4000-8000-000000000000';
    const byHash = (await want(owner.post(`${sets()}/import`, moved), 201)).body as SetView;
    expect(byHash.current.items[fixedAt]!.versionId).toBe(v1Items[fixedAt]!.versionId);
  });

  it('should import all or nothing, with field errors', async () => {
    const exported = (await owner.get(`${sets()}/${setId}/export?format=json&version=1`).expect(200)).body as { items: Json[] };
    const count = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM question_sets WHERE org_id = $1', [orgId]))[0]!.n;
    const before = await count();
    const broken = structuredClone(exported);
    broken.items.push({ kind: 'fixed', questionId: 'no-such-question', points: 1 });
    const res = await owner.post(`${sets()}/import`, broken);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: `items.${broken.items.length - 1}.questionId`, message: expect.stringContaining('no-such-question') }]);
    const wrongFormat = await owner.post(`${sets()}/import`, { ...exported, format: 'moodle' });
    expect(wrongFormat.status).toBe(400);
    expect((wrongFormat.body.fields as Array<{ field: string }>).map((f) => f.field)).toContain('format');
    expect(await count()).toBe(before);

    // Another organization cannot import a set that uses this organization's own question.
    const elsewhere = await rival.post(`/api/orgs/${rivalOrgId}/sets/import`, exported);
    expect(elsewhere.status).toBe(400);
    const essayAt = exported.items.findIndex((i) => i['questionId'] === essayId);
    expect(res.body.fields).toBeDefined();
    expect(elsewhere.body.fields).toEqual([{ field: `items.${essayAt}.questionId`, message: expect.stringContaining(essayId) }]);
  });

  it('should export the pinned questions as GIFT with the pools as comments', async () => {
    const res = await owner.get(`${sets()}/${setId}/export?format=gift&version=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.gift\.txt"/);
    const text = res.text;
    expect(text).toMatch(/^\/\/ goprep question set: Senior backend screen \(version 1, published\)/);
    expect(text).toContain(`[id:${bank[0]!.id}]`);
    expect(text).toContain(`[id:${essayId}]`);
    expect(text).toMatch(/\/\/ item \d+: random pool: 1 from gc-tuning, difficulty 3-5, not tagged kubernetes; 3 points each/);
    const poolLines = text.split('\n').filter((line) => line.includes('random pool'));
    expect(poolLines).toHaveLength(v1Items.filter((i) => i.kind === 'pool').length);
    expect((await owner.get(`${sets()}/${setId}/export?format=pdf`)).status).toBe(400);
  });

  it("should carry a pinned question's interviewer follow-ups as GIFT comments, which an import reads past", async () => {
    const exportGift = async () => (await owner.get(`${sets()}/${setId}/export?format=gift&version=1`).expect(200)).text;
    const without = await exportGift();
    const followUps = ['Why is a receive from a nil channel never ready?', 'What changes when `ch` has a buffer of one?'];
    await t.sql(`UPDATE question_versions SET follow_ups = $2 WHERE question_id = $1`, [bank[0]!.id, followUps]);
    const withFollowUps = await exportGift();
    const lines = followUps.map((f) => `// follow-up: ${f}`);
    for (const line of lines) expect(withFollowUps.split('\n')).toContain(line);
    // The comment lines are the only difference (GIFT has no field a student would not see).
    expect(withFollowUps.split('\n').filter((l) => !lines.includes(l)).join('\n')).toBe(without);

    // That question back in through the organization's GIFT import (the file's essay would not come
    // back: GIFT has no rubric): the same question and warnings as without the follow-ups.
    const importQuestion = async (gift: string) => {
      const text = gift.split('\n\n').find((block) => block.includes(`[id:${bank[0]!.id}]`));
      expect(text).toBeDefined();
      const res = await owner.post(`/api/orgs/${orgId}/questions/import`, { format: 'gift', text, topic: 'channels', references: ['https://go.dev/ref/spec#Channel_types'] });
      expect([res.status, res.body.fields]).toEqual([201, undefined]);
      const [created] = res.body.questions as Array<{ id: string; title: string; type: string }>;
      const stored = (await owner.get(`/api/orgs/${orgId}/questions/${created!.id}`).expect(200)).body as { source: Json };
      return { type: created!.type, title: created!.title, source: stored.source, warnings: (res.body.warnings as Array<{ message: string }>).map((w) => w.message) };
    };
    const plain = await importQuestion(without);
    expect(plain).toMatchObject({ type: 'single', title: bank[0]!.title });
    expect(await importQuestion(withFollowUps)).toEqual(plain);
  });

  it('should keep an audit trail of every change: who, what, when', async () => {
    const res = await owner.get(`${sets()}/${setId}/audit`).expect(200);
    const events = res.body as Array<{ action: string; actor: { email: string } | null; at: string; detail: Json; entity: string; entityId: string }>;
    expect(events.map((e) => e.action)).toEqual(['duplicated', 'draft-saved', 'draft-saved', 'published', 'draft-saved', 'draft-saved', 'created']);
    expect(events.every((e) => e.actor?.email === 'owner@example.com' && e.entity === 'set' && e.entityId === setId)).toBe(true);
    const times = events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(events.at(-1)!.detail).toMatchObject({ templateId: 'backend', level: 'senior', version: 1 });
    expect(events.find((e) => e.action === 'published')!.detail).toEqual({ version: 1 });
    expect(events[2]!.detail).toMatchObject({ version: 2, newDraft: true, changed: expect.arrayContaining(['title', 'reviewPolicy', 'items']) });
    expect(events[0]!.detail).toEqual({ to: copyId, version: 2 });
    const copyTrail = (await owner.get(`${sets()}/${copyId}/audit`).expect(200)).body as Array<{ action: string; detail: Json }>;
    expect(copyTrail.map((e) => e.action)).toEqual(['unarchived', 'archived', 'created']);
    expect(copyTrail[2]!.detail).toMatchObject({ duplicatedFrom: setId });
    const importTrail = (await owner.get(`${sets()}/${importedId}/audit`).expect(200)).body as Array<{ action: string }>;
    expect(importTrail.map((e) => e.action)).toEqual(['imported']);
  });

  describe('isolation', () => {
    const routes = (base: string, id: string): Array<[string, (b: Browser) => Promise<{ status: number; body: { code?: string } }>]> => [
      ['list', (b) => b.get(`${base}`)],
      ['create', (b) => b.post(`${base}`, { title: 'Mine now' })],
      ['import', (b) => b.post(`${base}/import`, { format: 'goprep-question-set', formatVersion: 1, ...SETTINGS, items: [] })],
      ['get', (b) => b.get(`${base}/${id}`)],
      ['save draft', (b) => b.put(`${base}/${id}/draft`, { ...SETTINGS, items: [] })],
      ['publish', (b) => b.post(`${base}/${id}/publish`)],
      ['version', (b) => b.get(`${base}/${id}/versions/1`)],
      ['duplicate', (b) => b.post(`${base}/${id}/duplicate`)],
      ['archive', (b) => b.post(`${base}/${id}/archive`)],
      ['unarchive', (b) => b.post(`${base}/${id}/unarchive`)],
      ['export json', (b) => b.get(`${base}/${id}/export?format=json`)],
      ['export gift', (b) => b.get(`${base}/${id}/export?format=gift`)],
      ['audit', (b) => b.get(`${base}/${id}/audit`)],
    ];

    it('should answer 404 to a manager of another organization on every route of this one', async () => {
      for (const [name, call] of routes(`/api/orgs/${orgId}/sets`, setId)) {
        const res = await call(rival);
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 404, code: 'ORGANIZATION_NOT_FOUND' });
      }
    });

    it('should not find this organization\'s set through the rival\'s own organization either', async () => {
      for (const [name, call] of routes(`/api/orgs/${rivalOrgId}/sets`, setId).filter(([n]) => !['list', 'create', 'import'].includes(n))) {
        const res = await call(rival);
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 404, code: 'QUESTION_SET_NOT_FOUND' });
      }
      expect((await rival.get(`/api/orgs/${rivalOrgId}/sets`).expect(200)).body.map((s: { id: string }) => s.id)).not.toContain(setId);
    });

    it('should answer 403 to a learner and 401 to an anonymous visitor, templates included', async () => {
      for (const [name, call] of [...routes(`/api/orgs/${orgId}/sets`, setId), ['templates', (b: Browser) => b.get('/api/set-templates')] as const]) {
        const asLearner = await call(learner);
        expect({ name, status: asLearner.status, code: asLearner.body.code }).toEqual({ name, status: 403, code: 'FORBIDDEN' });
        const asNobody = await call(anonymous);
        expect({ name, status: asNobody.status }).toEqual({ name, status: 401 });
      }
    });

    it('should have changed nothing of the set while refusing all that', async () => {
      const set = (await owner.get(`${sets()}/${setId}`).expect(200)).body as SetView;
      expect(set.archivedAt).toBeNull();
      expect(set.versions.map((v) => [v.version, v.state])).toEqual([
        [1, 'published'],
        [2, 'draft'],
      ]);
      const trail = (await owner.get(`${sets()}/${setId}/audit`).expect(200)).body as unknown[];
      expect(trail).toHaveLength(7);
      const [{ n } = { n: -1 }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM question_sets WHERE org_id = $1', [rivalOrgId]);
      expect(n).toBe(0);
    });
  });
});
