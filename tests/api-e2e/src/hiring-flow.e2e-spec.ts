import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { AttemptSweepService, Clock } from '@goprep/api/testing';
import type { AnswerKey } from '@goprep/domain';
import { rightAnswer, wrongAnswer } from './support/answers';
import { bankQuestions, candidate, fixed, manager, publishedSet, tokenOf, type BankQuestion, type Json } from './support/hiring';
import { findKeyMaterial } from './support/key-material';
import { createTestApp, type Browser, type TestApp } from './support/test-app';

/** The sweep never runs on its own here. */
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', PUBLIC_URL: 'http://goprep.test' };
const HOUR = 3600_000;

interface Delivery {
  id: string;
  deadlineAt: string;
  items: Array<{ position: number; type: string; answer: Json | null }>;
}

async function keysOf(t: TestApp, attemptId: string): Promise<Map<number, AnswerKey>> {
  const rows = await t.sql<{ position: number; answer_key: AnswerKey }>(
    `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1`,
    [attemptId],
  );
  return new Map(rows.map((r) => [r.position, r.answer_key]));
}

/** Starts (or resumes), answers each position right or wrong as `right(position)` says, submits. */
async function takeTest(t: TestApp, b: Browser, right: (position: number, key: AnswerKey) => boolean): Promise<string> {
  const started = await b.post('/api/candidate/start');
  expect(started.status).toBe(201);
  const attempt = started.body as Delivery;
  const keys = await keysOf(t, attempt.id);
  for (const item of attempt.items) {
    const key = keys.get(item.position)!;
    const response = right(item.position, key) ? rightAnswer(key) : wrongAnswer(key);
    const saved = await b.put(`/api/candidate/attempt/items/${item.position}/answer`, { response, timeSpentMs: 1000 * item.position });
    expect(saved.status).toBe(200);
  }
  const submitted = await b.post('/api/candidate/attempt/submit');
  expect(submitted.status).toBe(200);
  expect((submitted.body as Json).state).toBe('submitted');
  return attempt.id;
}

function inFuture(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

describe('hiring: a manager builds, invites in bulk, candidates take it by link, the manager reviews', () => {
  let t: TestApp;
  let m: Browser;
  let orgId: string;
  let setId: string;
  let singles: BankQuestion[];
  let essay: BankQuestion;
  const links = new Map<string, string>();
  const attemptIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: m, orgId } = await manager(t, 'lead@acme.example', 'Acme'));
    singles = await bankQuestions(t, 'single', 3);
    essay = (await bankQuestions(t, 'essay', 1))[0]!;
    const tf = await t.sql<{ topic_id: string }>(
      `SELECT v.topic_id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type = 'true-false' GROUP BY v.topic_id HAVING count(*) >= 3 ORDER BY v.topic_id LIMIT 1`,
    );
    ({ setId } = await publishedSet(m, orgId, {
      title: 'Senior backend',
      instructions: 'Forty minutes, no notes.',
      timeLimitSeconds: 2400,
      reviewPolicy: 'correctness',
      items: [
        fixed(singles[0]!),
        fixed(singles[1]!),
        { kind: 'pool', topic: tf[0]!.topic_id, count: 2, difficulty: [1, 5], types: ['true-false'], points: 1 },
        fixed(singles[2]!),
        fixed(essay, 2),
      ],
    }));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should create one invite per CSV line, each with a one-time link whose token is stored only as a hash', async () => {
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      csv: 'name,email\nAnn Archer,ann@cand.example\n"Bob, Jr.",bob@cand.example\nCy Cole,cy@cand.example\n',
      expiresAt: inFuture(48 * HOUR),
      attemptsAllowed: 1,
    });
    expect(res.status).toBe(201);
    const invites = (res.body as { invites: Array<Json & { link: string; email: string }> }).invites;
    expect(invites.map((i) => [i.name, i.email, i.status, i.mailed])).toEqual([
      ['Ann Archer', 'ann@cand.example', 'invited', false],
      ['Bob, Jr.', 'bob@cand.example', 'invited', false],
      ['Cy Cole', 'cy@cand.example', 'invited', false],
    ]);
    for (const i of invites) {
      expect(i.link.startsWith('http://goprep.test/take#')).toBe(true);
      links.set(i.email, i.link);
    }
    expect(new Set(invites.map((i) => tokenOf(i.link))).size).toBe(3);
    const stored = await t.sql<{ row: string; hash: Buffer }>(`SELECT row_to_json(ci)::text AS row, token_hash AS hash FROM candidate_invites ci`);
    for (const i of invites) {
      const token = tokenOf(i.link);
      expect(stored.some((s) => s.row.includes(token))).toBe(false);
      expect(stored.some((s) => s.hash.equals(createHash('sha256').update(token).digest()))).toBe(true);
    }
    // The list never shows a link again.
    const list = await m.get(`/api/orgs/${orgId}/sets/${setId}/invites`).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('#');
    expect((list.body as Json[]).map((i) => i.status)).toEqual(['invited', 'invited', 'invited']);
  });

  it('should report every bad line of a pasted list with its line number and create nothing', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM candidate_invites`);
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      csv: 'Dee, dee@cand.example\nEve, not-an-email\nFay, dee@cand.example',
      expiresAt: inFuture(HOUR),
    });
    expect(res.status).toBe(400);
    const listed = JSON.stringify(res.body);
    expect(listed).toContain('line 2');
    expect(listed).toContain('line 3');
    const after = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM candidate_invites`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('should show the candidate the instructions and time limit before starting', async () => {
    const { status } = await candidate(t, tokenOf(links.get('ann@cand.example')!));
    expect(status).toMatchObject({
      state: 'not-started',
      canStart: true,
      candidateName: 'Ann Archer',
      title: 'Senior backend',
      instructions: 'Forty minutes, no notes.',
      timeLimitSeconds: 2400,
      itemCount: 6,
      attemptsUsed: 0,
      attemptId: null,
      reviewPolicy: 'correctness',
    });
  });

  it('should resume the same attempt after a refresh, a closed tab or reopening the link', async () => {
    const token = tokenOf(links.get('ann@cand.example')!);
    const tab1 = (await candidate(t, token)).b;
    const started = await tab1.post('/api/candidate/start');
    expect(started.status).toBe(201);
    const delivery = started.body as Delivery;
    expect(delivery.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(findKeyMaterial(delivery.items)).toEqual([]);
    const keys = await keysOf(t, delivery.id);
    await tab1.put('/api/candidate/attempt/items/1/answer', { response: rightAnswer(keys.get(1)!) }).then((r) => expect(r.status).toBe(200));

    // The same cookie (a refresh) and a new browser with the link (a crash, another tab) both continue it.
    const refreshed = await tab1.get('/api/candidate/attempt').expect(200);
    expect((refreshed.body as Delivery).id).toBe(delivery.id);
    const { b: tab2, status } = await candidate(t, token);
    expect(status).toMatchObject({ state: 'in-progress', attemptId: delivery.id, canStart: false });
    const again = await tab2.post('/api/candidate/start');
    expect((again.body as Delivery).id).toBe(delivery.id);
    expect((again.body as Delivery).items[0]!.answer).not.toBeNull();
    const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attempts WHERE invite_id IS NOT NULL`);
    expect(rows[0]!.n).toBe(1);
  });

  it('should record integrity signals while the attempt is open, each event id once', async () => {
    const { b, status } = await candidate(t, tokenOf(links.get('ann@cand.example')!));
    const at = new Date().toISOString();
    const events = [
      { id: randomUUID(), type: 'paste', at, position: 6, chars: 120 },
      { id: randomUUID(), type: 'blur', at, durationMs: 4000 },
      { id: randomUUID(), type: 'hidden', at, durationMs: 6000 },
    ];
    const res = await b.post('/api/candidate/attempt/signals', { events });
    expect(res.status).toBe(204);
    // The browser sends a batch again when the reply was lost (a reload while it was in flight):
    // again on its own, twice at once, and inside a later batch with a new event.
    expect((await b.post('/api/candidate/attempt/signals', { events })).status).toBe(204);
    const twice = await Promise.all([b.post('/api/candidate/attempt/signals', { events }), b.post('/api/candidate/attempt/signals', { events })]);
    expect(twice.map((r) => r.status)).toEqual([204, 204]);
    const later = { id: randomUUID(), type: 'blur', at, durationMs: 1000 };
    expect((await b.post('/api/candidate/attempt/signals', { events: [events[0], later, later] })).status).toBe(204);
    const rows = await t.sql<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM attempt_signals WHERE attempt_id = $1 GROUP BY kind ORDER BY kind`,
      [status['attemptId']],
    );
    expect(rows).toEqual([
      { kind: 'blur', n: 2 },
      { kind: 'hidden', n: 1 },
      { kind: 'paste', n: 1 },
    ]);
    const bad = await b.post('/api/candidate/attempt/signals', { events: [{ type: 'screenshot', at }] });
    expect(bad.status).toBe(400);
    const badId = await b.post('/api/candidate/attempt/signals', { events: [{ id: 'not-a-uuid', type: 'paste', at, chars: 1 }] });
    expect(badId.status).toBe(400);
  });

  it('should let each candidate finish and show only what the correctness policy allows', async () => {
    // Ann: everything right; Bob: the first two positions right; Cy: everything wrong (essays are graded by a person).
    const plans: Array<[string, (p: number, k: AnswerKey) => boolean]> = [
      ['ann@cand.example', () => true],
      ['bob@cand.example', (p) => p <= 2],
      ['cy@cand.example', () => false],
    ];
    for (const [email, right] of plans) {
      const { b } = await candidate(t, tokenOf(links.get(email)!));
      attemptIds.set(email, await takeTest(t, b, right));
    }
    const { b: ann } = await candidate(t, tokenOf(links.get('ann@cand.example')!));
    const review = await ann.get('/api/candidate/attempt/review').expect(200);
    const body = review.body as { policy: string; attempt: { result: { score: number; pending: number } | null }; items: Json[] | null; full: unknown };
    expect(body.policy).toBe('correctness');
    expect(body.full).toBeNull();
    expect(body.attempt.result).toMatchObject({ score: 5, pending: 1 });
    expect(body.items!.map((i) => i.status)).toEqual(['correct', 'correct', 'correct', 'correct', 'correct', 'pending']);
    expect(findKeyMaterial(body.items)).toEqual([]);
  });

  it('should make a used link a clear state: submitted, and no second attempt', async () => {
    const { b, status } = await candidate(t, tokenOf(links.get('bob@cand.example')!));
    expect(status).toMatchObject({ state: 'submitted', canStart: false, attemptsUsed: 1, attemptsAllowed: 1 });
    const again = await b.post('/api/candidate/start');
    expect(again.status).toBe(409);
    expect((again.body as Json).code).toBe('CANDIDATE_CANNOT_START');
    const save = await b.put('/api/candidate/attempt/items/1/answer', { response: { choice: 'x' } });
    expect(save.status).toBe(409);
  });

  it('should rank the candidates with scores, times, topics and signals', async () => {
    const res = await m.get(`/api/orgs/${orgId}/sets/${setId}/results`).expect(200);
    const rows = (res.body as { rows: Array<Json & { byTopic: Json[]; signals: Json }> }).rows;
    // Essays wait for grading: 5 auto-graded points each.
    expect(rows.map((r) => [r.name, r.status, r.rank, r.score, r.maxScore, r.pendingGrading])).toEqual([
      ['Ann Archer', 'submitted', 1, 5, 5, true],
      ['Bob, Jr.', 'submitted', 2, 2, 5, true],
      ['Cy Cole', 'submitted', 3, 0, 5, true],
    ]);
    expect(rows[0]!.signals).toEqual({ pasteCount: 1, focusLostCount: 2, hiddenCount: 1 });
    expect(rows[0]!.byTopic.length).toBeGreaterThan(0);
    // Time taken and the topic columns are what each stored result says (the list reads them from
    // columns Postgres derives from the result, not from the result itself).
    const stored = await t.sql<{ id: string; seconds: number; topics: string[] }>(
      `SELECT id, (result ->> 'timeTakenSeconds')::int AS seconds, ARRAY(SELECT jsonb_array_elements(result -> 'byTopic') ->> 'topic') AS topics
         FROM attempts WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.attemptId)],
    );
    expect(stored).toHaveLength(3);
    const seconds = new Map(stored.map((s) => [s.id, s.seconds]));
    expect(rows.map((r) => r.durationSeconds)).toEqual(rows.map((r) => seconds.get(r.attemptId as string)));
    const topics = (res.body as { topics: string[] }).topics;
    expect(topics).toEqual([...new Set(stored.flatMap((s) => s.topics))].sort());
    expect(topics).toEqual(expect.arrayContaining(rows[0]!.byTopic.map((b) => (b as { topic: string }).topic)));

    const filtered = await m.get(`/api/orgs/${orgId}/sets/${setId}/results?search=bob&sort=name`).expect(200);
    expect((filtered.body as { rows: Json[] }).rows.map((r) => r.name)).toEqual(['Bob, Jr.']);
    const byScoreAsc = await m.get(`/api/orgs/${orgId}/sets/${setId}/results?sort=score&order=asc`).expect(200);
    expect((byScoreAsc.body as { rows: Json[] }).rows.map((r) => r.name)).toEqual(['Cy Cole', 'Bob, Jr.', 'Ann Archer']);
    const bad = await m.get(`/api/orgs/${orgId}/sets/${setId}/results?status=nonsense`);
    expect(bad.status).toBe(400);
  });

  it('should page the results after ranking, filtering and sorting, with each row whole and the topics of every page', async () => {
    type Page = { rows: Array<Json & { byTopic: Json[]; signals: Json }>; topics: string[]; total: number; limit: number; offset: number };
    const url = `/api/orgs/${orgId}/sets/${setId}/results`;
    const full = (await m.get(url).expect(200)).body as Page;
    expect(full).toMatchObject({ total: 3, limit: 100, offset: 0 });
    expect(full.topics.length).toBeGreaterThan(0);
    for (let offset = 0; offset < 3; offset++) {
      const page = (await m.get(`${url}?limit=1&offset=${offset}`).expect(200)).body as Page;
      // The same row as in the whole list: rank over the set, per-topic breakdown and signals read for the page.
      expect(page).toEqual({ ...full, rows: [full.rows[offset]], limit: 1, offset });
    }
    const past = (await m.get(`${url}?limit=2&offset=3`).expect(200)).body as Page;
    expect(past).toEqual({ ...full, rows: [], limit: 2, offset: 3 });
    const sorted = (await m.get(`${url}?sort=score&order=asc&limit=2&offset=1`).expect(200)).body as Page;
    expect([sorted.total, sorted.rows.map((r) => [r.name, r.rank])]).toEqual([3, [['Bob, Jr.', 2], ['Ann Archer', 1]]]);
    const filtered = (await m.get(`${url}?search=cole&limit=1`).expect(200)).body as Page;
    expect([filtered.total, filtered.rows.map((r) => [r.name, r.rank])]).toEqual([1, [['Cy Cole', 3]]]);
    const none = (await m.get(`${url}?search=nobody`).expect(200)).body as Page;
    expect([none.total, none.rows, none.topics]).toEqual([0, [], []]);
  });

  it("should show a candidate's full report with keys, time per item, the essay rubric and signals labelled as not proof", async () => {
    const res = await m.get(`/api/orgs/${orgId}/results/${attemptIds.get('ann@cand.example')}`).expect(200);
    const report = res.body as { items: Array<Json & { rubric: string[] | null; key: Json }>; signals: Json & { note: string }; name: string };
    expect(report.name).toBe('Ann Archer');
    expect(report.items).toHaveLength(6);
    expect(report.items.map((i) => i.timeSpentMs)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(report.items[0]!.key).toBeDefined();
    const essayItem = report.items[5]!;
    expect(essayItem.type).toBe('essay');
    expect(essayItem.rubric).toEqual((essay.key as { rubric: string[] }).rubric);
    expect(essayItem.pasteCount).toBe(1);
    expect(report.signals).toMatchObject({ pasteCount: 1, pastedChars: 120, focusLostCount: 2, focusLostMs: 5000, hiddenCount: 1, hiddenMs: 6000 });
    expect(report.signals.note).toMatch(/not proof/);
  });

  it('should grade an essay by hand, re-total the score and audit it', async () => {
    const ann = attemptIds.get('ann@cand.example')!;
    const notEssay = await m.put(`/api/orgs/${orgId}/results/${ann}/items/1/grade`, { score: 1 });
    expect(notEssay.status).toBe(409);
    const tooMuch = await m.put(`/api/orgs/${orgId}/results/${ann}/items/6/grade`, { score: 3 });
    expect(tooMuch.status).toBe(400);
    const graded = await m.put(`/api/orgs/${orgId}/results/${ann}/items/6/grade`, { score: 1.5, comment: 'Good on causes, thin on fixes.' });
    expect(graded.status).toBe(200);
    const report = graded.body as { score: number; maxScore: number; pendingGrading: boolean; items: Array<Json & { manualGrade: Json | null }> };
    expect([report.score, report.maxScore, report.pendingGrading]).toEqual([6.5, 7, false]);
    expect(report.items[5]).toMatchObject({ status: 'partial', score: 1.5, manualGrade: { score: 1.5, comment: 'Good on causes, thin on fixes.', gradedBy: 'lead' } });
    const audit = await t.sql<{ action: string; detail: Json }>(`SELECT action, detail FROM audit_events WHERE entity = 'attempt' AND entity_id = $1`, [ann]);
    expect(audit).toEqual([{ action: 'attempt.graded', detail: { position: 6, from: null, to: 1.5, points: 2 } }]);
    const results = await m.get(`/api/orgs/${orgId}/sets/${setId}/results`).expect(200);
    expect((results.body as { rows: Json[] }).rows[0]).toMatchObject({ name: 'Ann Archer', score: 6.5, maxScore: 7, pendingGrading: false });
  });

  it('should export the results as CSV', async () => {
    const res = await m.get(`/api/orgs/${orgId}/sets/${setId}/results.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.startsWith('rank,name,email,status')).toBe(true);
    expect(lines[1]!.startsWith('1,Ann Archer,ann@cand.example,submitted')).toBe(true);
    expect(lines[2]!.startsWith('2,"Bob, Jr.",bob@cand.example,submitted')).toBe(true);
  });

  it('should compare candidates side by side, question by question', async () => {
    const ids = [attemptIds.get('ann@cand.example'), attemptIds.get('cy@cand.example')].join(',');
    const res = await m.get(`/api/orgs/${orgId}/results/compare?ids=${ids}`).expect(200);
    const body = res.body as { candidates: Json[]; questions: Array<{ questionId: string; cells: Json[] }> };
    expect(body.candidates.map((c) => [c.name, c.score])).toEqual([
      ['Ann Archer', 6.5],
      ['Cy Cole', 0],
    ]);
    const first = body.questions.find((q) => q.questionId === singles[0]!.id)!;
    expect(first.cells.map((c) => c.status)).toEqual(['correct', 'incorrect']);
  });

  it('should list invite statuses and audit the invites', async () => {
    const list = await m.get(`/api/orgs/${orgId}/sets/${setId}/invites`).expect(200);
    const statuses = (list.body as Json[]).map((i) => [i.email, i.status, i.attemptsUsed]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(statuses).toEqual([
      ['ann@cand.example', 'submitted', 1],
      ['bob@cand.example', 'submitted', 1],
      ['cy@cand.example', 'submitted', 1],
    ]);
    const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE entity = 'invite' AND action = 'invite.created'`);
    expect(audit[0]!.n).toBe(3);
  });
});

describe('hiring: expiry, revocation, overrides and review policies', () => {
  let t: TestApp;
  let m: Browser;
  let orgId: string;
  let qs: BankQuestion[];

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: m, orgId } = await manager(t, 'hr@globex.example', 'Globex'));
    qs = await bankQuestions(t, 'single', 2);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  async function invite(setId: string, email: string, expiresInMs = 24 * HOUR): Promise<{ id: string; token: string }> {
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { invitees: [{ name: email.split('@')[0], email }], expiresAt: inFuture(expiresInMs) });
    expect(res.status).toBe(201);
    const created = (res.body as { invites: Array<{ id: string; link: string }> }).invites[0]!;
    return { id: created.id, token: tokenOf(created.link) };
  }

  it('should start exactly one attempt when two tabs press start at once', async () => {
    const { setId } = await publishedSet(m, orgId, { title: 'Race', items: [fixed(qs[0]!)] });
    const { id, token } = await invite(setId, 'race@cand.example');
    const [tab1, tab2] = [(await candidate(t, token)).b, (await candidate(t, token)).b];
    const [r1, r2] = await Promise.all([tab1.post('/api/candidate/start'), tab2.post('/api/candidate/start')]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect((r1.body as Delivery).id).toBe((r2.body as Delivery).id);
    const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attempts WHERE invite_id = $1`, [id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('should refuse invites that cannot work: bad addresses, a past expiry, both lists, an archived set', async () => {
    const { setId } = await publishedSet(m, orgId, { title: 'Refusals', items: [fixed(qs[0]!)] });
    const url = `/api/orgs/${orgId}/sets/${setId}/invites`;
    const bad = await m.post(url, { invitees: [{ name: 'A', email: 'a@x.example' }, { name: 'B', email: 'nope' }], expiresAt: inFuture(HOUR) });
    expect([bad.status, (bad.body as { fields: Json[] }).fields]).toEqual([400, [{ field: 'invitees.1.email', message: 'not a valid email address' }]]);
    const past = await m.post(url, { invitees: [{ name: 'A', email: 'a@x.example' }], expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(400);
    const both = await m.post(url, { invitees: [{ name: 'A', email: 'a@x.example' }], csv: 'B, b@x.example', expiresAt: inFuture(HOUR) });
    expect(both.status).toBe(400);
    expect((await m.post(`/api/orgs/${orgId}/sets/${setId}/archive`)).status).toBe(200);
    const archived = await m.post(url, { invitees: [{ name: 'A', email: 'a@x.example' }], expiresAt: inFuture(HOUR) });
    expect([archived.status, (archived.body as Json).code]).toEqual([409, 'SET_ARCHIVED']);
    const none = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM candidate_invites WHERE set_id = $1`, [setId]);
    expect(none[0]!.n).toBe(0);
  });

  it('should expire a link at its expiry (server clock), as a state rather than an error', async () => {
    const { setId } = await publishedSet(m, orgId, { title: 'Expiry', items: [fixed(qs[0]!)] });
    const { token } = await invite(setId, 'late@cand.example', HOUR);
    const clock = t.app.get(Clock);
    const later = new Date(Date.now() + 2 * HOUR);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(later));
    try {
      const { b, status } = await candidate(t, token);
      expect(status).toMatchObject({ state: 'expired', canStart: false });
      const start = await b.post('/api/candidate/start');
      expect(start.status).toBe(409);
      expect((start.body as Json).code).toBe('CANDIDATE_CANNOT_START');
      const list = await m.get(`/api/orgs/${orgId}/sets/${setId}/invites`).expect(200);
      expect((list.body as Json[])[0]!.status).toBe('expired');
    } finally {
      spy.mockRestore();
    }
    // An hour earlier the same link still works.
    const { status } = await candidate(t, token);
    expect(status).toMatchObject({ state: 'not-started', canStart: true });
  });

  it('should revoke an invite: the open attempt closes and the link says revoked', async () => {
    const { setId } = await publishedSet(m, orgId, { title: 'Revoke', items: [fixed(qs[0]!)] });
    const { id, token } = await invite(setId, 'gone@cand.example');
    const { b } = await candidate(t, token);
    const started = await b.post('/api/candidate/start');
    expect(started.status).toBe(201);
    const revoked = await m.post(`/api/orgs/${orgId}/invites/${id}/revoke`);
    expect(revoked.status).toBe(200);
    expect((revoked.body as Json).status).toBe('revoked');
    const status = await b.get('/api/candidate/status').expect(200);
    expect((status.body as Json).state).toBe('revoked');
    const save = await b.put('/api/candidate/attempt/items/1/answer', { response: { choice: 'a' } });
    expect(save.status).toBe(409);
    expect((save.body as Json).code).toBe('ATTEMPT_CLOSED');
    expect((await b.post('/api/candidate/start')).status).toBe(409);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY at`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['invite.created', 'invite.revoked']);
  });

  it('should extend the time of an open attempt and allow another attempt by override, audited', async () => {
    const { setId } = await publishedSet(m, orgId, { title: 'Override', timeLimitSeconds: 600, items: [fixed(qs[0]!), fixed(qs[1]!)] });
    const { id, token } = await invite(setId, 'extra@cand.example');
    const { b } = await candidate(t, token);
    const first = (await b.post('/api/candidate/start')).body as Delivery;
    const extended = await m.put(`/api/orgs/${orgId}/invites/${id}/override`, { extraMinutes: 15 });
    expect(extended.status).toBe(200);
    expect((extended.body as Json).extraMinutes).toBe(15);
    const moved = (await b.get('/api/candidate/attempt').expect(200)).body as Delivery;
    expect(Date.parse(moved.deadlineAt) - Date.parse(first.deadlineAt)).toBe(15 * 60_000);
    await b.post('/api/candidate/attempt/submit').then((r) => expect(r.status).toBe(200));
    expect(((await b.get('/api/candidate/status').expect(200)).body as Json).state).toBe('submitted');

    const another = await m.put(`/api/orgs/${orgId}/invites/${id}/override`, { extraAttempts: 1 });
    expect((another.body as Json).extraAttempts).toBe(1);
    const status = (await b.get('/api/candidate/status').expect(200)).body as Json;
    expect(status).toMatchObject({ state: 'not-started', canStart: true, attemptsAllowed: 2, attemptsUsed: 1, timeLimitSeconds: 600 + 900 });
    const second = (await b.post('/api/candidate/start')).body as Delivery;
    expect(second.id).not.toBe(first.id);
    expect(Date.parse(second.deadlineAt) - Date.now()).toBeGreaterThan(1400_000);
    const trail = (await m.get(`/api/orgs/${orgId}/invites/${id}/audit`).expect(200)).body as Array<{ action: string; actor: { email: string } }>;
    expect(trail.map((e) => [e.action, e.actor.email])).toEqual([
      ['invite.override', 'hr@globex.example'],
      ['invite.override', 'hr@globex.example'],
      ['invite.created', 'hr@globex.example'],
    ]);
    const audit = await t.sql<{ action: string; detail: Json }>(`SELECT action, detail FROM audit_events WHERE entity_id = $1 AND action = 'invite.override' ORDER BY at`, [id]);
    expect(audit.map((a) => a.detail)).toEqual([
      { extraMinutes: { from: 0, to: 15 }, extraAttempts: { from: 0, to: 0 } },
      { extraMinutes: { from: 15, to: 15 }, extraAttempts: { from: 0, to: 1 } },
    ]);
    const empty = await m.put(`/api/orgs/${orgId}/invites/${id}/override`, {});
    expect(empty.status).toBe(400);
  });

  it("should close a candidate's overdue attempt with the quizzes' sweep, then show the link as submitted", async () => {
    const { setId } = await publishedSet(m, orgId, { title: 'Overdue', timeLimitSeconds: 300, items: [fixed(qs[0]!)] });
    const { token } = await invite(setId, 'slow@cand.example');
    const { b } = await candidate(t, token);
    const started = (await b.post('/api/candidate/start')).body as Delivery;
    const keys = await keysOf(t, started.id);
    await b.put('/api/candidate/attempt/items/1/answer', { response: rightAnswer(keys.get(1)!) }).then((r) => expect(r.status).toBe(200));
    await t.sql(`UPDATE attempts SET started_at = now() - interval '20 minutes', deadline_at = now() - interval '10 minutes' WHERE id = $1`, [started.id]);
    const swept = await t.app.get(AttemptSweepService).sweepOnce();
    expect(swept.submitted).toBeGreaterThanOrEqual(1);
    const status = (await b.get('/api/candidate/status').expect(200)).body as Json;
    expect(status).toMatchObject({ state: 'submitted', canStart: false });
    const results = (await m.get(`/api/orgs/${orgId}/sets/${setId}/results`).expect(200)).body as { rows: Json[] };
    expect(results.rows[0]).toMatchObject({ status: 'submitted', score: 1, maxScore: 1 });
  });

  it.each([
    ['none', { result: false, items: false, full: false }],
    ['score', { result: true, items: false, full: false }],
    ['full', { result: true, items: false, full: true }],
  ] as const)('should show a candidate under the %s review policy only what it allows', async (policy, shown) => {
    const { setId } = await publishedSet(m, orgId, { title: `Review ${policy}`, reviewPolicy: policy, items: [fixed(qs[0]!), fixed(qs[1]!)] });
    const { token } = await invite(setId, `${policy}@cand.example`);
    const { b } = await candidate(t, token);
    expect((await b.get('/api/candidate/attempt/review')).status).toBe(404);
    await takeTest(t, b, (p) => p === 1);
    const review = (await b.get('/api/candidate/attempt/review').expect(200)).body as { policy: string; attempt: { result: Json | null }; items: unknown; full: unknown };
    expect(review.policy).toBe(policy);
    expect(review.attempt.result !== null).toBe(shown.result);
    expect(review.items !== null).toBe(shown.items);
    expect(review.full !== null).toBe(shown.full);
    // The score tally counts `correct` items; keys would live in the items.
    if (!shown.full) expect(findKeyMaterial({ items: review.items })).toEqual([]);
    if (shown.result) expect(review.attempt.result).toMatchObject({ score: 1, maxScore: 2 });
  });
});

describe('hiring: item statistics against hand-computed figures', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(ENV);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("should compute Moodle's item and set statistics for five candidates", async () => {
    const { b: m, orgId } = await manager(t, 'stats@initech.example', 'Initech');
    const qs = await bankQuestions(t, 'single', 3, 3);
    const { setId, version } = await publishedSet(m, orgId, { title: 'Stats', reviewPolicy: 'none', items: qs.map((q) => fixed(q)) });
    // Item scores per candidate (1 = right): a Guttman-like pattern.
    const patterns = [
      [1, 1, 1],
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ];
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: patterns.map((_, i) => ({ name: `C${i + 1}`, email: `c${i + 1}@stats.example` })),
      expiresAt: inFuture(HOUR),
    });
    const links = (res.body as { invites: Array<{ link: string }> }).invites.map((i) => i.link);
    for (const [i, pattern] of patterns.entries()) {
      const { b } = await candidate(t, tokenOf(links[i]!));
      await takeTest(t, b, (p) => pattern[p - 1] === 1);
    }
    const stats = (await m.get(`/api/orgs/${orgId}/sets/${setId}/versions/${version}/statistics`).expect(200)).body as {
      excludedPending: number;
      set: Record<string, number | null | { value: number | null }>;
      items: Array<{ questionId: string; attempts: number; facility: { value: number }; standardDeviation: { value: number }; discriminationIndex: { value: number }; discriminativeEfficiency: { value: number }; flags: string[]; needsChecking: boolean; verdict: string }>;
    };
    expect(stats.excludedPending).toBe(0);
    const byQuestion = new Map(stats.items.map((i) => [i.questionId, i]));
    // Totals T = [3, 2, 2, 1, 0]: mean 1.6, median 2, var (n-1) = (1.96+0.16+0.16+0.36+2.56)/4 = 1.3, SD = 1.1402.
    // Item 1: x = [1,1,1,1,0], rest = T - x = [2,1,1,0,0]; facility 80 %; var x = 0.2 (SD 44.72 %); var rest = 0.7;
    //   cov = (0.2*1.2 + 0.2*0.2 + 0.2*0.2 + 0.2*-0.8 + -0.8*-0.8) / 4 = 0.2; DI = 100 * 0.2 / sqrt(0.2*0.7) = 53.45;
    //   sorted pairing gives the same cov, so DE = 100.
    // Item 2: x = [1,1,1,0,0], rest = [2,1,1,1,0]; facility 60 %; var x = 0.3 (SD 54.77 %); var rest = 0.5; cov = 0.25;
    //   DI = 100 * 0.25 / sqrt(0.15) = 64.55; DE = 100.
    // Item 3: x = [1,0,0,0,0], rest = [2,2,2,1,0]; facility 20 %; var x = 0.2 (SD 44.72 %); var rest = 0.8; cov = 0.15;
    //   DI = 100 * 0.15 / sqrt(0.16) = 37.5; DE = 100.
    const expected = [
      { facility: 80, sd: 44.72, di: 53.45, de: 100, flags: ['facility-high'] },
      { facility: 60, sd: 54.77, di: 64.55, de: 100, flags: [] },
      { facility: 20, sd: 44.72, di: 37.5, de: 100, flags: ['facility-low'] },
    ];
    qs.forEach((q, i) => {
      const got = byQuestion.get(q.id)!;
      const want = expected[i]!;
      expect(got.attempts).toBe(5);
      expect(got.facility.value).toBeCloseTo(want.facility, 1);
      expect(got.standardDeviation.value).toBeCloseTo(want.sd, 1);
      expect(got.discriminationIndex.value).toBeCloseTo(want.di, 1);
      expect(got.discriminativeEfficiency.value).toBeCloseTo(want.de, 1);
      expect(got.flags).toEqual(want.flags);
      // Five attempts: the figures are given, the verdict is withheld.
      expect(got.needsChecking).toBe(false);
      expect(got.verdict).toBe('not-enough-attempts');
    });
    // CIC = k/(k-1) * (1 - sum var(item) / var(T)) = 1.5 * (1 - 0.7/1.3) = 69.23 %;
    // ER = 100 * sqrt(1 - 0.6923) = 55.47 %; SE = 0.5547 * 1.1402 = 0.6325 (= sqrt(1.3 * 0.3077)).
    expect(stats.set).toMatchObject({ attempts: 5, items: 3, meanScore: 1.6, medianScore: 2 });
    const value = (k: string): number => (stats.set[k] as { value: number }).value;
    expect(value('standardDeviation')).toBeCloseTo(1.1402, 3);
    expect(value('cic')).toBeCloseTo(69.23, 1);
    expect(value('errorRatio')).toBeCloseTo(55.47, 1);
    expect(value('standardError')).toBeCloseTo(0.6325, 3);
  });
});

describe('hiring: invite tokens cannot be guessed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(ENV);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should answer 404 to wrong tokens, then 429 for every token from that address', async () => {
    const { b: m, orgId } = await manager(t, 'sec@umbrella.example', 'Umbrella');
    const [q] = await bankQuestions(t, 'single', 1);
    const { setId } = await publishedSet(m, orgId, { title: 'Guess', items: [fixed(q!)] });
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { invitees: [{ name: 'Real', email: 'real@cand.example' }], expiresAt: inFuture(HOUR) });
    const token = tokenOf((res.body as { invites: Array<{ link: string }> }).invites[0]!.link);
    const guesser = (await candidate(t, token)).b;
    for (let i = 0; i < 20; i++) {
      const miss = await guesser.post('/api/candidate/session', { token: `${'x'.repeat(30)}${i}` });
      expect(miss.status).toBe(404);
      expect((miss.body as Json).code).toBe('CANDIDATE_INVITE_NOT_FOUND');
    }
    const blocked = await guesser.post('/api/candidate/session', { token });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const missing = await guesser.agent.get('/api/candidate/status').set('Cookie', '');
    expect([401, 429]).toContain(missing.status);
  });
});

describe('hiring: invite links are mailed when SMTP is configured', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: Array<{ to: string[]; raw: string }> = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ ...ENV, SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'hiring@goprep.test' });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('should mail each candidate their own link and mark the invite as mailed', async () => {
    const { b: m, orgId } = await manager(t, 'mail@hooli.example', 'Hooli');
    const [q] = await bankQuestions(t, 'single', 1);
    const { setId } = await publishedSet(m, orgId, { title: 'Mailed test', items: [fixed(q!)] });
    const res = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, { csv: 'Dana, dana@cand.example\nEli, eli@cand.example', expiresAt: inFuture(HOUR) });
    expect(res.status).toBe(201);
    const invites = (res.body as { invites: Array<{ email: string; link: string; mailed: boolean; mailedAt: string | null }> }).invites;
    expect(invites.map((i) => [i.email, i.mailed, i.mailedAt !== null])).toEqual([
      ['dana@cand.example', true, true],
      ['eli@cand.example', true, true],
    ]);
    expect(received.map((r) => r.to)).toEqual([['dana@cand.example'], ['eli@cand.example']]);
    invites.forEach((invite, i) => {
      // Quoted-printable may wrap long lines with soft breaks ("=" at the end of a line).
      const body = received[i]!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(body).toContain(tokenOf(invite.link));
      expect(body).not.toContain(tokenOf(invites[1 - i]!.link));
    });
    const list = await m.get(`/api/orgs/${orgId}/sets/${setId}/invites`).expect(200);
    expect((list.body as Array<{ mailedAt: string | null }>).every((i) => i.mailedAt !== null)).toBe(true);
  });
});
