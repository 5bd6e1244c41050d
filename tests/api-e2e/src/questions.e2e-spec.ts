import { loadBank, type BankQuestion, type LoadedBank } from '@goprep/question-bank';
import { unwrap } from '@goprep/api-client';
import { BankLoaderService } from '@goprep/api/testing';
import { Browser, clientFor, createTestApp, type TestApp } from './support/test-app';
import { findKeyMaterial } from './support/key-material';

const PASSWORD = 'a long enough secret';

describe('questions: the bank in Postgres, delivery without keys', () => {
  let t: TestApp;
  let admin: Browser;
  let learner: Browser;
  let bank: LoadedBank;

  beforeAll(async () => {
    t = await createTestApp();
    admin = new Browser(t.server);
    learner = new Browser(t.server);
    await admin.register('admin@example.com', PASSWORD);
    await learner.register('learner@example.com', PASSWORD);
    bank = await loadBank(t.config.bankDir);
  });
  afterAll(() => t.close());

  it('should refuse a search text with a NUL or other control character with 400, not a database error', async () => {
    for (const q of ['%00', '%C3%8C%00%1C%E4%8A%A3', 'go%07roots']) {
      const res = await learner.get(`/api/questions?q=${q}`);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect((await learner.get('/api/questions?q=%E5%86%85%E5%AD%98%E6%A8%A1%E5%9E%8B')).status).toBe(200);
  });

  it('should hold every bank question with version 1 and its content hash', async () => {
    const rows = await t.sql<{ id: string; content_hash: string; version: number }>(
      `SELECT q.id, v.content_hash, v.version FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.retired_at IS NULL`,
    );
    expect(rows).toHaveLength(bank.questions.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const q of bank.questions) expect(byId.get(q.id)).toEqual({ id: q.id, content_hash: q.contentHash, version: 1 });
  });

  it('should list topics with counts that match the files', async () => {
    const res = await learner.get('/api/topics').expect(200);
    const counts = Object.fromEntries((res.body as Array<{ id: string; questionCount: number }>).map((x) => [x.id, x.questionCount]));
    for (const topic of bank.topics) {
      expect(counts[topic.id]).toBe(bank.questions.filter((q) => q.topic === topic.id).length);
    }
  });

  it('should list topics in the one order every screen shows: core topics first, then the bank\'s order', async () => {
    const res = await learner.get('/api/topics').expect(200);
    const topics = res.body as Array<{ id: string; core: boolean }>;
    const core = topics.filter((x) => x.core).map((x) => x.id);
    expect(core.length).toBeGreaterThan(0);
    // Every core topic comes before every other one.
    expect(topics.slice(0, core.length).map((x) => x.id)).toEqual(core);
    expect(topics.slice(core.length).every((x) => !x.core)).toBe(true);
  });

  it('should filter by topic, type and difficulty, and page', async () => {
    const sample = bank.questions.find((q) => q.type === 'code-lines')!;
    const expected = bank.questions.filter((q) => q.topic === sample.topic && q.type === 'code-lines' && q.difficulty === sample.difficulty);
    const res = await learner
      .get(`/api/questions?topic=${sample.topic}&type=code-lines&difficulty=${sample.difficulty}&pageSize=100`)
      .expect(200);
    expect(res.body.total).toBe(expected.length);
    expect((res.body.items as Array<{ id: string }>).map((i) => i.id).sort()).toEqual(expected.map((q) => q.id).sort());

    const page2 = await learner.get('/api/questions?pageSize=5&page=2').expect(200);
    expect(page2.body.items).toHaveLength(5);
    expect(page2.body.total).toBe(bank.questions.length);
  });

  it('should find questions by full-text search over prompt and tags', async () => {
    const tagged = bank.questions.filter((q) => q.tags.includes('deadlock'));
    expect(tagged.length).toBeGreaterThan(0);
    const res = await learner.get('/api/questions?q=deadlock&pageSize=100').expect(200);
    const ids = new Set((res.body.items as Array<{ id: string }>).map((i) => i.id));
    for (const q of tagged) expect(ids.has(q.id)).toBe(true);
  });

  it('should reject bad filters with field errors', async () => {
    const res = await learner.get('/api/questions?difficulty=9&topic=cooking&pageSize=1000&surprise=1');
    expect(res.status).toBe(400);
    const fields = (res.body.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['difficulty', 'pageSize', 'surprise', 'topic']);
  });

  it('should deliver every question without any key material, through the generated client', async () => {
    const client = await clientFor(t);
    await unwrap(client.POST('/api/auth/login', { body: { email: 'learner@example.com', password: PASSWORD } }));
    const leaks: string[] = [];
    for (const q of bank.questions) {
      const delivered = await unwrap(client.GET('/api/questions/{id}', { params: { path: { id: q.id } } }));
      expect(delivered.id).toBe(q.id);
      leaks.push(...findKeyMaterial(delivered, q.id));
      if (q.options && (q.type === 'ordering' || q.type === 'matching')) {
        // Arranged types never show the stored order (ordering: the key; matching: choices in pairing order).
        const shownIds = [...(delivered.matchItems ?? []), ...(delivered.options ?? [])].map((o) => o.id);
        expect([...shownIds].sort()).toEqual(q.options.map((o) => o.id).sort());
        expect(shownIds).not.toEqual(q.options.map((o) => o.id));
      } else if (q.options) expect(delivered.options?.map((o) => o.id)).toEqual(q.options.map((o) => o.id));
      if (q.code) expect(delivered.code).toBe(q.code);
    }
    const list = await unwrap(client.GET('/api/questions', { params: { query: { pageSize: 100 } } }));
    leaks.push(...findKeyMaterial(list, 'list'));
    expect(leaks).toEqual([]);
  });

  it('should give managers and admins the key in the preview and refuse learners', async () => {
    const q = bank.questions.find((x) => x.type === 'single')!;
    const denied = await learner.get(`/api/questions/${q.id}/preview`);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const res = await admin.get(`/api/questions/${q.id}/preview`).expect(200);
    expect(res.body.answerKey).toEqual(q.key);
    expect(res.body.explanation).toBe(q.explanation);
  });

  it('should answer an unknown question id with 404 QUESTION_NOT_FOUND', async () => {
    const res = await learner.get('/api/questions/no-such-question');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('QUESTION_NOT_FOUND');
  });

  describe('"Try it": checking one answer', () => {
    const choice = () => bank.questions.find((q) => q.id === 'mm-typed-atomics-alignment') as BankQuestion;

    it('should grade a choice, then show the key with the explanation naming options by their bank-order letter', async () => {
      const q = choice();
      const right = q.options!.find((o) => o.correct)!;
      const wrong = q.options!.find((o) => !o.correct)!;
      const miss = await learner.post(`/api/questions/${q.id}/check`, { response: { type: 'single', choice: wrong.id } });
      expect(miss.status).toBe(200);
      expect(miss.body).toMatchObject({ questionId: q.id, status: 'incorrect', score: 0, contentLocale: 'en' });
      expect(miss.body.options.map((o: { id: string; correct: boolean }) => [o.id, o.correct])).toEqual(q.options!.map((o) => [o.id, o.correct]));
      // The bank writes "Option (b)"; the page letters options A, B, C in the bank order.
      expect(q.explanation).toMatch(/Option \(b\)/);
      expect(miss.body.explanation).toMatch(/Option \(B\)/);
      expect(miss.body.explanation).not.toMatch(/Option \(b\)/);
      const hit = await learner.post(`/api/questions/${q.id}/check`, { response: { type: 'single', choice: right.id } });
      expect(hit.body).toMatchObject({ status: 'correct', score: 1 });
    });

    it('should answer in the asked content language', async () => {
      const res = await learner.agent
        .post(`/api/questions/${choice().id}/check`)
        .set('X-CSRF-Token', await learner.csrfToken())
        .set('Accept-Language', 'zh-CN')
        .send({ response: { type: 'single', choice: 'a' } });
      expect(res.status).toBe(200);
      expect(res.body.contentLocale).toBe('zh-CN');
      expect(res.body.explanation).toMatch(/选项 \(B\)/);
    });

    it('should refuse a malformed answer, a type it cannot grade and an unknown question with 4xx', async () => {
      const q = choice();
      const bad = await learner.post(`/api/questions/${q.id}/check`, { response: { type: 'single' } });
      expect([bad.status, bad.body.code]).toEqual([400, 'RESPONSE_INVALID']);
      expect(findKeyMaterial(bad.body)).toEqual([]);
      const essay = bank.questions.find((x) => x.type === 'essay' && !x.draft)!;
      const refused = await learner.post(`/api/questions/${essay.id}/check`, { response: { type: 'essay', text: 'an answer' } });
      expect([refused.status, refused.body.code]).toEqual([400, 'RESPONSE_INVALID']);
      const missing = await learner.post('/api/questions/no-such-question/check', { response: { type: 'single', choice: 'a' } });
      expect([missing.status, missing.body.code]).toEqual([404, 'QUESTION_NOT_FOUND']);
    });
  });
});

describe('questions: loading a changed bank', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should add a version for a changed question, retire a removed one, and keep old versions', async () => {
    const loader = t.app.get(BankLoaderService);
    const bank = await loadBank(t.config.bankDir);
    const [changed, removed, ...rest] = bank.questions as [BankQuestion, BankQuestion, ...BankQuestion[]];
    const edited: BankQuestion = { ...changed, prompt: `${changed.prompt}\n\nEdited.`, contentHash: `${changed.contentHash}-edited` };

    const summary = await loader.load({ ...bank, questions: [edited, ...rest] });
    expect(summary).toEqual({ inserted: 0, versioned: 1, retired: 1, unchanged: rest.length });

    const versions = await t.sql<{ version: number; prompt: string }>(
      'SELECT version, prompt FROM question_versions WHERE question_id = $1 ORDER BY version',
      [changed.id],
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.prompt).toBe(changed.prompt);
    expect(versions[1]!.prompt).toBe(edited.prompt);
    const [gone] = await t.sql<{ retired_at: Date | null }>('SELECT retired_at FROM questions WHERE id = $1', [removed.id]);
    expect(gone!.retired_at).not.toBeNull();

    // Loading the full bank again brings the removed one back and versions the edit back.
    const again = await loader.load(bank);
    expect(again).toEqual({ inserted: 0, versioned: 1, retired: 0, unchanged: rest.length + 1 });
  });
});
