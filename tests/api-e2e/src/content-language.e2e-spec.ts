import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DEFAULT_POOL_TYPES, defaultTranslationsDir, loadBank, loadTranslations } from '@goprep/question-bank';
import { BankLoaderService } from '@goprep/api/testing';
import { candidate, manager, publishedSet, tokenOf, type Json } from './support/hiring';
import { Browser, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';

/** Questions the repository ships zh-CN translations for (libs/question-bank/translations/zh-CN). */
const SINGLE = 'ch-close-nil-panics';
const CODE_OUTPUT = 'ch-closed-buffer-drain';
const SHORT = 'ch-range-needs-close';
const FLASHCARD = 'ch-comma-ok-flashcard';
const FIXTURES = [SINGLE, CODE_OUTPUT, SHORT, FLASHCARD];

interface Item {
  position: number;
  questionId: string;
  title: string;
  prompt: string;
  options?: Array<{ id: string; text: string }>;
  contentLocale: string;
  fallback: boolean;
  fallbackReason?: string;
}

const CJK = /[\u4e00-\u9fff]/;

async function patch(b: Browser, path: string, body: object) {
  return b.agent.patch(path).set('X-CSRF-Token', await b.csrfToken()).send(body);
}

async function currentVersion(t: TestApp, questionId: string): Promise<{ id: string; content_hash: string; title: string; prompt: string }> {
  const [row] = await t.sql<{ id: string; content_hash: string; title: string; prompt: string }>(
    `SELECT v.id, v.content_hash, v.title, v.prompt FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = $1`,
    [questionId],
  );
  return row!;
}

describe('content language: translations stored with their version, delivered per learner, set and candidate', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' });
    // This suite's own world: only its four fixture questions keep their translations (in its cloned
    // database), so every other question is one whose translation is missing.
    await t.sql(`DELETE FROM question_version_translations WHERE version_id NOT IN (SELECT v.id FROM question_versions v WHERE v.question_id = ANY($1::text[]))`, [
      FIXTURES,
    ]);
    // The first account is the admin; the learners below are plain learners.
    await new Browser(t.server).register('admin@example.com', PASSWORD, 'Admin');
  });
  afterAll(() => t?.close());

  async function learner(email: string, contentLanguage?: string): Promise<Browser> {
    const b = new Browser(t.server);
    expect((await b.register(email, PASSWORD, 'Learner')).status).toBe(201);
    if (contentLanguage) expect((await patch(b, '/api/me/settings', { contentLanguage })).status).toBe(200);
    return b;
  }

  /** A quick quiz over every drawable channels question, so the translated ones are in it. */
  async function channelsQuiz(b: Browser, headers: Record<string, string> = {}): Promise<{ id: string; items: Item[] }> {
    const [{ n }] = (await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.topic_id = 'channels' AND q.retired_at IS NULL AND q.organization_id IS NULL AND v.type = ANY($1)`,
      [DEFAULT_POOL_TYPES],
    )) as [{ n: number }];
    const token = await b.csrfToken();
    const req = b.agent.post('/api/attempts').set('X-CSRF-Token', token);
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    const res = await req.send({ mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: n, timeLimitMinutes: 60 });
    expect(res.status).toBe(201);
    return res.body as { id: string; items: Item[] };
  }

  const byId = (items: Item[], id: string): Item => {
    const item = items.find((i) => i.questionId === id);
    if (!item) throw new Error(`${id} not in the quiz`);
    return item;
  };

  it('should store the shipped translations against the current version, fresh', async () => {
    const version = await currentVersion(t, SINGLE);
    const rows = await t.sql<{ locale: string; source_hash: string; title: string; option_feedback: Record<string, string> }>(
      'SELECT locale, source_hash, title, option_feedback FROM question_version_translations WHERE version_id = $1',
      [version.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ locale: 'zh-CN', source_hash: version.content_hash, title: '关闭一个 nil channel' });
    expect(Object.keys(rows[0]!.option_feedback)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('should update a changed translation without a new English version and without touching the key', async () => {
    const loader = t.app.get(BankLoaderService);
    const bank = loadBank(t.config.bankDir);
    // The suite's world: only the fixture questions are translated (the rest were removed in beforeAll).
    const translations = loadTranslations(defaultTranslationsDir(t.config.bankDir), bank.questions).translations.filter((tr) => FIXTURES.includes(tr.id));
    const before = await t.sql<{ version: number; answer_key: unknown; content_hash: string }>(
      'SELECT version, answer_key, content_hash FROM question_versions WHERE question_id = $1 ORDER BY version',
      [SINGLE],
    );
    const edited = translations.map((tr) => (tr.id === SINGLE ? { ...tr, title: '关闭一个 nil channel 会怎样' } : tr));
    const summary = await loader.load(bank, edited);
    expect(summary).toMatchObject({ inserted: 0, versioned: 0, translations: { written: 1, removed: 0 } });
    const after = await t.sql<{ version: number; answer_key: unknown; content_hash: string }>(
      'SELECT version, answer_key, content_hash FROM question_versions WHERE question_id = $1 ORDER BY version',
      [SINGLE],
    );
    expect(after).toEqual(before);
    const [row] = await t.sql<{ title: string }>('SELECT title FROM question_version_translations WHERE version_id = $1', [(await currentVersion(t, SINGLE)).id]);
    expect(row!.title).toBe('关闭一个 nil channel 会怎样');
    // Loading the files again restores them, and a second identical load writes nothing.
    expect((await loader.load(bank, translations)).translations).toEqual({ written: 1, removed: 0 });
    expect((await loader.load(bank, translations)).translations).toEqual({ written: 0, removed: 0 });
  });

  it('should keep the content language as a setting of the learner, and refuse an unknown one with 400', async () => {
    const b = await learner('settings@example.com');
    expect((await b.get('/api/me')).body.contentLanguage).toBe('follow-ui');
    const changed = await patch(b, '/api/me/settings', { contentLanguage: 'zh-CN' });
    expect(changed.status).toBe(200);
    expect(changed.body.contentLanguage).toBe('zh-CN');
    expect((await b.get('/api/me')).body.contentLanguage).toBe('zh-CN');
    const bad = await patch(b, '/api/me/settings', { contentLanguage: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('should deliver a quiz in Chinese where a translation is current and in English, marked, elsewhere', async () => {
    const b = await learner('zh@example.com', 'zh-CN');
    const quiz = await channelsQuiz(b);
    const single = byId(quiz.items, SINGLE);
    expect(single).toMatchObject({ title: '关闭一个 nil channel', contentLocale: 'zh-CN', fallback: false });
    expect(single.prompt).toContain('`close(ch)` 时会发生什么');
    expect(single.options!.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(single.options!.every((o) => CJK.test(o.text))).toBe(true);
    expect(byId(quiz.items, CODE_OUTPUT)).toMatchObject({ prompt: '这个程序会输出什么？', contentLocale: 'zh-CN', fallback: false });
    const untranslated = quiz.items.filter((i) => ![SINGLE, CODE_OUTPUT, SHORT, FLASHCARD].includes(i.questionId));
    expect(untranslated.length).toBeGreaterThan(3);
    for (const item of untranslated) {
      expect(item).toMatchObject({ contentLocale: 'en', fallback: true, fallbackReason: 'missing' });
      expect(item.title).toBe((await currentVersion(t, item.questionId)).title);
    }
  });

  it('should fall back to English, marked stale, once the English changed since the translation', async () => {
    const b = await learner('stale@example.com', 'zh-CN');
    const quiz = await channelsQuiz(b);
    const version = await currentVersion(t, CODE_OUTPUT);
    await t.sql(`UPDATE question_version_translations SET source_hash = 'older' WHERE version_id = $1`, [version.id]);
    try {
      const again = (await b.get(`/api/attempts/${quiz.id}`)).body as { items: Item[] };
      expect(byId(again.items, CODE_OUTPUT)).toMatchObject({ prompt: version.prompt, contentLocale: 'en', fallback: true, fallbackReason: 'stale' });
      expect(byId(again.items, SINGLE).contentLocale).toBe('zh-CN');
    } finally {
      await t.sql('UPDATE question_version_translations SET source_hash = $2 WHERE version_id = $1', [version.id, version.content_hash]);
    }
  });

  it('should change the questions, not just the menus, when the learner switches language mid-quiz', async () => {
    const b = await learner('switch@example.com', 'en');
    const quiz = await channelsQuiz(b);
    expect(byId(quiz.items, SINGLE)).toMatchObject({ title: 'Closing a nil channel', contentLocale: 'en', fallback: false });
    await patch(b, '/api/me/settings', { contentLanguage: 'zh-CN' });
    const again = (await b.get(`/api/attempts/${quiz.id}`)).body as { items: Item[] };
    expect(byId(again.items, SINGLE)).toMatchObject({ title: '关闭一个 nil channel', contentLocale: 'zh-CN' });
  });

  it('should follow the interface language (Accept-Language) when the setting is follow-ui', async () => {
    const b = await learner('follow@example.com');
    const zh = await channelsQuiz(b, { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(byId(zh.items, SINGLE).contentLocale).toBe('zh-CN');
    const en = await b.agent.get(`/api/attempts/${zh.id}`).set('Accept-Language', 'en-US,en;q=0.9');
    expect(byId((en.body as { items: Item[] }).items, SINGLE)).toMatchObject({ contentLocale: 'en', fallback: false });
  });

  it('should grade a short answer given in Chinese and review in Chinese with the English key', async () => {
    const b = await learner('grade@example.com', 'zh-CN');
    const quiz = await channelsQuiz(b);
    const short = byId(quiz.items, SHORT);
    const saved = await b.put(`/api/attempts/${quiz.id}/items/${short.position}/answer`, { response: { type: 'short', text: '关闭通道' } });
    expect(saved.status).toBe(200);
    expect((await b.post(`/api/attempts/${quiz.id}/submit`)).status).toBe(200);
    const review = (await b.get(`/api/attempts/${quiz.id}/review`)).body as { items: Array<Item & { status: string; explanation: string; key: Json; options?: Array<{ id: string; correct: boolean; feedback?: string }> }> };
    const reviewedShort = review.items.find((i) => i.questionId === SHORT)!;
    expect(reviewedShort.status).toBe('correct');
    expect(reviewedShort.explanation).toMatch(/^对 channel 做 `range` 循环时/);
    const single = review.items.find((i) => i.questionId === SINGLE)!;
    expect(single.key).toEqual({ type: 'single', correct: 'a' });
    expect(single.options!.find((o) => o.id === 'a')).toMatchObject({ correct: true, feedback: expect.stringMatching(/^正确：语言规范/) });
  });

  it('should grade a Chinese short answer in a quiz started in English once the item was shown in Chinese', async () => {
    const b = await learner('switch-grade@example.com', 'en');
    const quiz = await channelsQuiz(b);
    expect(byId(quiz.items, SHORT).contentLocale).toBe('en');
    await patch(b, '/api/me/settings', { contentLanguage: 'zh-CN' });
    const again = (await b.get(`/api/attempts/${quiz.id}`)).body as { items: Item[] };
    const short = byId(again.items, SHORT);
    expect(short.contentLocale).toBe('zh-CN');
    // Typed as a Chinese input method does: no space before the Latin word.
    expect((await b.put(`/api/attempts/${quiz.id}/items/${short.position}/answer`, { response: { type: 'short', text: '关闭channel' } })).status).toBe(200);
    expect((await b.post(`/api/attempts/${quiz.id}/submit`)).status).toBe(200);
    const review = (await b.get(`/api/attempts/${quiz.id}/review`)).body as { items: Array<Item & { status: string }> };
    expect(review.items.find((i) => i.questionId === SHORT)!.status).toBe('correct');
  });

  it('should grade a Chinese short answer in a drill reviewed after switching to English', async () => {
    const b = await learner('drill-switch@example.com', 'zh-CN');
    expect((await b.post('/api/drills/deck', { questionIds: [SHORT] })).status).toBeLessThan(300);
    await patch(b, '/api/me/settings', { contentLanguage: 'en' });
    const reviewed = await b.post('/api/drills/reviews', { reviewId: crypto.randomUUID(), questionId: SHORT, durationMs: 4000, response: { type: 'short', text: '关闭通道' } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'correct' });
  });

  it('should deliver drills in the learner\'s content language, and the review result too', async () => {
    const b = await learner('drill@example.com', 'zh-CN');
    expect((await b.post('/api/drills/deck', { questionIds: [SINGLE, FLASHCARD] })).status).toBeLessThan(300);
    const due = (await b.get('/api/drills/due')).body as { cards: Array<{ questionId: string; question: Item }> };
    const card = due.cards.find((c) => c.questionId === FLASHCARD)!;
    expect(card.question).toMatchObject({ title: 'comma-ok 形式的接收', contentLocale: 'zh-CN', fallback: false });
    const reviewed = await b.post('/api/drills/reviews', { reviewId: crypto.randomUUID(), questionId: FLASHCARD, durationMs: 4000, rating: 'good', response: { type: 'flashcard' } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ contentLocale: 'zh-CN', key: { type: 'flashcard', answer: expect.stringMatching(/^如果 `v` 是由一次成功的发送/) } });
    expect(reviewed.body.explanation).toMatch(/^语言规范把接收操作/);
  });

  it('should show a bank question in the learner\'s content language when browsing', async () => {
    const zh = await learner('browse-zh@example.com', 'zh-CN');
    const single = (await zh.get(`/api/questions/${SINGLE}`)).body as Item;
    expect(single).toMatchObject({ title: '关闭一个 nil channel', contentLocale: 'zh-CN', fallback: false });
    expect(single.options!.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(JSON.stringify(single)).not.toMatch(/correct|feedback|explanation/);
    const other = (await zh.get('/api/questions/ch-len-cap')).body as Item;
    expect(other).toMatchObject({ contentLocale: 'en', fallback: true, fallbackReason: 'missing' });
    const en = await learner('browse-en@example.com', 'en');
    expect((await en.get(`/api/questions/${SINGLE}`)).body).toMatchObject({ title: 'Closing a nil channel', contentLocale: 'en', fallback: false });
  });

  it('should find a translated question by a Chinese term inside a longer run of text', async () => {
    const b = await learner('search@example.com');
    const ids = async (q: string): Promise<string[]> => {
      const res = await b.get(`/api/questions?q=${encodeURIComponent(q)}&pageSize=50`);
      expect(res.status).toBe(200);
      return (res.body as { items: Array<{ id: string }> }).items.map((i) => i.id);
    };
    expect(await ids('内置函数')).toEqual([SHORT]);
    expect(await ids('从未被赋值')).toEqual([SINGLE]);
    // Latin words and Han pairs together: every term must be in the same translation.
    expect(await ids('nil channel 关闭')).toEqual([SINGLE]);
    expect(await ids('逃逸分析')).toEqual([]);
    // English search is unchanged.
    expect(await ids('nil channel')).toContain(SINGLE);
  });

  it('should list search results and the bank in the reader\'s content language, marking each English title', async () => {
    const zh = await learner('list-zh@example.com', 'zh-CN');
    type Summary = { id: string; title: string; contentLocale: string; fallback: boolean; fallbackReason?: string };
    const page = async (b: Browser, query: string): Promise<Summary[]> => {
      const res = await b.get(`/api/questions?${query}`);
      expect(res.status).toBe(200);
      return (res.body as { items: Summary[] }).items;
    };
    // A Chinese query finds it, and the result reads in Chinese.
    expect(await page(zh, `q=${encodeURIComponent('从未被赋值')}`)).toEqual([
      expect.objectContaining({ id: SINGLE, title: '关闭一个 nil channel', contentLocale: 'zh-CN', fallback: false }),
    ]);
    // An English query too: the language of the query does not decide the language of the titles.
    const english = await page(zh, `q=${encodeURIComponent('nil channel')}&pageSize=50`);
    expect(english.find((i) => i.id === SINGLE)).toMatchObject({ title: '关闭一个 nil channel', contentLocale: 'zh-CN' });
    // The bank list of a topic: translated titles in Chinese, the others in English and marked.
    const topic = await page(zh, 'topic=channels&pageSize=100');
    expect(topic.find((i) => i.id === SHORT)).toMatchObject({ title: '让 channel 上的 range 循环结束', contentLocale: 'zh-CN', fallback: false });
    const untranslated = topic.filter((i) => !FIXTURES.includes(i.id));
    expect(untranslated.length).toBeGreaterThan(3);
    expect(untranslated.every((i) => i.contentLocale === 'en' && i.fallback && i.fallbackReason === 'missing' && !CJK.test(i.title))).toBe(true);
    // `locale` overrides the reader's language (the set builder asks in the set's), and English readers see no marks.
    expect((await page(zh, 'topic=channels&pageSize=100&locale=en')).find((i) => i.id === SINGLE)).toMatchObject({ title: 'Closing a nil channel', contentLocale: 'en', fallback: false });
    const en = await learner('list-en@example.com', 'en');
    expect((await page(en, 'topic=channels&pageSize=100')).every((i) => i.contentLocale === 'en' && !i.fallback)).toBe(true);
    expect((await page(en, 'topic=channels&pageSize=100&locale=zh-CN')).find((i) => i.id === SINGLE)!.title).toBe('关闭一个 nil channel');
    expect((await en.get('/api/questions?locale=fr')).status).toBe(400);
  });

  it("should preview a question for a manager in the set's language, with feedback, explanation and the Chinese accepted answers", async () => {
    const { b: m } = await manager(t, 'preview-manager@example.com', 'Preview Org');
    const zh = (await m.get(`/api/questions/${SINGLE}/preview?locale=zh-CN`)).body as Item & { explanation: string; options: Array<{ id: string; text: string; correct: boolean; feedback?: string }> };
    expect(zh).toMatchObject({ title: '关闭一个 nil channel', contentLocale: 'zh-CN', fallback: false, answerKey: { type: 'single', correct: 'a' } });
    expect(zh.options.find((o) => o.id === 'a')).toMatchObject({ correct: true, feedback: expect.stringMatching(/^正确：语言规范/) });
    expect(zh.options.every((o) => CJK.test(o.text))).toBe(true);
    expect(CJK.test(zh.explanation)).toBe(true);
    const short = (await m.get(`/api/questions/${SHORT}/preview?locale=zh-CN`)).body as { answerKey: { accepted: string[] } };
    expect(short.answerKey.accepted).toEqual(expect.arrayContaining(['close', '关闭通道']));
    const en = (await m.get(`/api/questions/${SINGLE}/preview?locale=en`)).body as Item;
    expect(en).toMatchObject({ title: 'Closing a nil channel', contentLocale: 'en', fallback: false });
    expect((await m.get('/api/questions/ch-len-cap/preview?locale=zh-CN')).body).toMatchObject({ contentLocale: 'en', fallback: true, fallbackReason: 'missing' });
    expect((await m.get(`/api/questions/${SINGLE}/preview?locale=fr`)).status).toBe(400);
  });

  describe('question sets', () => {
    async function invite(language: 'en' | 'zh-CN' | 'candidate-chooses', n: number): Promise<{ b: Browser; status: Json; m: Browser; orgId: string; setId: string }> {
      const { b: m, orgId } = await manager(t, `manager${n}@example.com`, `Org ${n}`);
      const items = [SINGLE, CODE_OUTPUT, SHORT].map((id) => ({ kind: 'fixed', questionId: id, points: 1 }));
      const { setId } = await publishedSet(m, orgId, { title: `Set ${language}`, language, reviewPolicy: 'full', items });
      const created = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
        invitees: [{ name: 'Candidate', email: `c${n}@example.com` }],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(created.status).toBe(201);
      const opened = await candidate(t, tokenOf((created.body as { invites: Array<{ link: string }> }).invites[0]!.link));
      return { ...opened, m, orgId, setId };
    }

    it('should keep the language on the set version and refuse an unknown one', async () => {
      const { m, orgId, setId } = await invite('zh-CN', 1);
      const set = (await m.get(`/api/orgs/${orgId}/sets/${setId}`)).body as { current: { language: string } };
      expect(set.current.language).toBe('zh-CN');
      const bad = await m.put(`/api/orgs/${orgId}/sets/${setId}/draft`, { title: 'x', instructions: '', timeLimitSeconds: 600, shuffleOptions: true, overduePolicy: 'auto-submit', submitGraceSeconds: 0, reviewPolicy: 'full', language: 'fr', items: [] });
      expect(bad.status).toBe(400);
    });

    it('should deliver a zh-CN set to the candidate in Chinese whatever their browser says, and report it in Chinese', async () => {
      const { b, status, m, orgId } = await invite('zh-CN', 2);
      expect(status.language).toBe('zh-CN');
      const started = await b.agent.post('/api/candidate/start').set('X-CSRF-Token', await b.csrfToken()).set('Accept-Language', 'en-US').send({ language: 'en' });
      expect(started.status).toBe(201);
      const items = (started.body as { items: Item[] }).items;
      expect(items.map((i) => [i.questionId, i.contentLocale])).toEqual([[SINGLE, 'zh-CN'], [CODE_OUTPUT, 'zh-CN'], [SHORT, 'zh-CN']]);
      expect(items.every((i) => CJK.test(i.prompt))).toBe(true);
      expect((await b.post('/api/candidate/attempt/submit')).status).toBe(200);
      const report = await m.get(`/api/orgs/${orgId}/results/${(started.body as { id: string }).id}`);
      expect(report.status).toBe(200);
      expect((report.body as { items: Item[] }).items.map((i) => i.contentLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
      expect((report.body as { items: Item[] }).items[0]!.title).toBe('关闭一个 nil channel');
    });

    it("should export the set's GIFT in Chinese by default for a zh-CN set, and in English on request", async () => {
      const { m, orgId, setId } = await invite('zh-CN', 5);
      // Follow-ups come in the export's language, as in the room panel (a translation with as many as the English).
      const version = await currentVersion(t, SINGLE);
      await t.sql(`UPDATE question_versions SET follow_ups = $2 WHERE id = $1`, [version.id, ['Why does closing a nil channel panic?', 'How would you guard the close?']]);
      await t.sql(`UPDATE question_version_translations SET follow_ups = $2 WHERE version_id = $1 AND locale = 'zh-CN'`, [version.id, ['为什么关闭 nil channel 会 panic？', '你会怎样保护这次 close？']]);
      const gift = async (query: string) => {
        const res = await m.get(`/api/orgs/${orgId}/sets/${setId}/export?format=gift${query}`);
        expect(res.status).toBe(200);
        return res.text;
      };
      const zh = await gift('');
      expect(zh).toContain('[id:ch-close-nil-panics]');
      expect(zh).toContain('::关闭一个 nil channel::');
      expect(zh).toMatch(/=触发运行时 panic。 #正确：语言规范/);
      expect(zh).toContain('// follow-up: 为什么关闭 nil channel 会 panic？\n// follow-up: 你会怎样保护这次 close？\n');
      const en = await gift('&locale=en');
      expect(en).toContain('::Closing a nil channel::');
      expect(en).toContain('// follow-up: Why does closing a nil channel panic?\n// follow-up: How would you guard the close?\n');
      // A translation without the English count falls back to the English follow-ups.
      await t.sql(`UPDATE question_version_translations SET follow_ups = $2 WHERE version_id = $1 AND locale = 'zh-CN'`, [version.id, ['为什么？']]);
      expect(await gift('')).toContain('// follow-up: Why does closing a nil channel panic?\n');
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect((await m.get(`/api/orgs/${orgId}/sets/${setId}/export?format=gift&locale=fr`)).status).toBe(400);
    });

    it("should show a zh-CN set's items in Chinese to its manager and export their titles in the set's language", async () => {
      const { m, orgId, setId } = await invite('zh-CN', 6);
      type View = { items: Array<{ questionId: string; question: { title: string; contentLocale: string; fallback: boolean } }> };
      const set = (await m.get(`/api/orgs/${orgId}/sets/${setId}`)).body as { current: View & { version: number } };
      expect(set.current.items.map((i) => [i.questionId, i.question.contentLocale, i.question.fallback])).toEqual([
        [SINGLE, 'zh-CN', false],
        [CODE_OUTPUT, 'zh-CN', false],
        [SHORT, 'zh-CN', false],
      ]);
      expect(set.current.items[0]!.question.title).toBe('关闭一个 nil channel');
      const version = (await m.get(`/api/orgs/${orgId}/sets/${setId}/versions/${set.current.version}`)).body as View;
      expect(version.items[2]!.question.title).toBe('让 channel 上的 range 循环结束');
      const json = (await m.get(`/api/orgs/${orgId}/sets/${setId}/export?format=json`)).body as { language: string; items: Array<{ title: string; titleLocale: string }> };
      expect(json.language).toBe('zh-CN');
      expect(json.items[0]).toMatchObject({ title: '关闭一个 nil channel', titleLocale: 'zh-CN' });
      const enJson = (await m.get(`/api/orgs/${orgId}/sets/${setId}/export?format=json&locale=en`)).body as typeof json;
      expect(enJson.items[0]).toMatchObject({ title: 'Closing a nil channel', titleLocale: 'en' });
      // The export imports again as it is (the informational fields included) and keeps the language.
      const imported = await m.post(`/api/orgs/${orgId}/sets/import`, json);
      expect(imported.status).toBe(201);
      expect((imported.body as { current: { language: string; items: View['items'] } }).current).toMatchObject({ language: 'zh-CN' });
      expect((imported.body as { current: View }).current.items[0]!.question.title).toBe('关闭一个 nil channel');
    });

    it('should let the candidate choose when the set says so', async () => {
      const { b, status } = await invite('candidate-chooses', 3);
      expect(status.language).toBe('candidate-chooses');
      const started = await b.post('/api/candidate/start', { language: 'zh-CN' });
      expect(started.status).toBe(201);
      expect((started.body as { items: Item[] }).items.every((i) => i.contentLocale === 'zh-CN')).toBe(true);
      const again = (await b.get('/api/candidate/attempt')).body as { items: Item[] };
      expect(again.items.every((i) => i.contentLocale === 'zh-CN')).toBe(true);
    });

    it('should deliver an English set in English with no fallback mark', async () => {
      const { b } = await invite('en', 4);
      const started = await b.post('/api/candidate/start', { language: 'zh-CN' });
      expect((started.body as { items: Item[] }).items.map((i) => [i.contentLocale, i.fallback])).toEqual([['en', false], ['en', false], ['en', false]]);
    });
  });
});

/** The text of every part of a raw MIME message, base64 and quoted-printable decoded. */
function mimeText(raw: string): string {
  return raw
    .split(/\r?\n--/)
    .map((part) => {
      const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
        const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      }
      return body;
    })
    .join('\n');
}

describe('content language: the invite mail follows the set', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'hiring@goprep.test' });
    await new Browser(t.server).register('admin@example.com', PASSWORD, 'Admin');
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("should write the invite mail in the set's language unless the manager names one", async () => {
    const { b: m, orgId } = await manager(t, 'mailer@example.com', 'Mailer');
    const { setId } = await publishedSet(m, orgId, { title: '后端笔试', language: 'zh-CN', items: [{ kind: 'fixed', questionId: SINGLE, points: 1 }] });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    expect((await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { invitees: [{ name: '王五', email: 'wang@example.com' }], expiresAt })).status).toBe(201);
    expect((await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { invitees: [{ name: 'Wang', email: 'wang2@example.com' }], expiresAt, locale: 'en' })).status).toBe(201);
    expect(received).toHaveLength(2);
    expect(mimeText(received[0]!)).toContain('诚邀您参加测评“后端笔试”。');
    expect(mimeText(received[1]!)).toContain('You have been invited to take the assessment "后端笔试".');
  });
});
