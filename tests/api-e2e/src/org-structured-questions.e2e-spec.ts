import type { AnswerKey } from '@goprep/domain';
import { candidate, manager, publishedSet, tokenOf, user, type Json } from './support/hiring';
import { findKeyMaterial } from './support/key-material';
import { createTestApp, type Browser, type TestApp } from './support/test-app';

const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0', PUBLIC_URL: 'http://goprep.test' };

const common = {
  topic: 'memory-model',
  subtopic: 'happens-before',
  difficulty: 3,
  tags: ['happens-before'],
  go_version: '1.26',
  expected_seconds: 90,
  references: ['https://go.dev/ref/mem'],
  explanation: 'The memory model orders these events; the explanation names why each step precedes the next.',
};

/** Authored in the correct order: the key is this order, whatever order a candidate is shown. */
const ORDERING = {
  ...common,
  title: 'Order the unbuffered channel handoff',
  type: 'ordering',
  prompt: 'Put these events of an unbuffered channel handoff in happens-before order.',
  items: [
    { id: 'write', text: 'the sender writes `x = 1`' },
    { id: 'recv', text: 'the receive from `ch` begins' },
    { id: 'send', text: 'the send on `ch` completes' },
    { id: 'read', text: 'the receiver reads `x`' },
  ],
};

const MATCHING = {
  ...common,
  title: 'Match the nil channel operations',
  type: 'matching',
  topic: 'channels',
  subtopic: 'nil-channels',
  prompt: 'Match each operation on a nil channel with what it does.',
  pairs: [
    { id: 'close', text: '`close(ch)`', match: 'panics' },
    { id: 'send', text: '`ch <- v`', match: 'blocks forever' },
    { id: 'recv', text: '`<-ch`', match: 'blocks forever' },
  ],
  distractors: ['returns the zero value at once'],
};

type Fields = Array<{ field: string; message: string }>;

/**
 * Matching and ordering questions an organization writes itself: authored and versioned through
 * the org-questions API with the bank's rules, previewed as a candidate sees them, put in a set,
 * delivered to a candidate without the key and graded with partial credit.
 */
describe('org questions: matching and ordering from authoring to a graded candidate attempt', () => {
  let t: TestApp;
  let m: Browser;
  let orgId: string;
  let orderingId: string;
  let matchingId: string;
  const base = () => `/api/orgs/${orgId}/questions`;

  async function storedKey(id: string): Promise<{ key: AnswerKey; versions: number }> {
    const rows = await t.sql<{ answer_key: AnswerKey; version: number }>(
      `SELECT v.answer_key, v.version FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.id = $1 ORDER BY v.version`,
      [id],
    );
    return { key: rows[rows.length - 1]!.answer_key, versions: rows.length };
  }

  beforeAll(async () => {
    t = await createTestApp(ENV);
    ({ b: m, orgId } = await manager(t, 'lead@order.example', 'Order Co'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should create an ordering and a matching question with the keys the bank would build', async () => {
    const ordering = await m.post(base(), ORDERING);
    expect(ordering.status).toBe(201);
    expect(ordering.body).toMatchObject({ type: 'ordering', version: 1, organizationId: orgId, verification: 'not-applicable' });
    orderingId = ordering.body.id;
    expect(ordering.body.answerKey).toEqual({ type: 'ordering', order: ['write', 'recv', 'send', 'read'] });

    const matching = await m.post(base(), MATCHING);
    expect(matching.status).toBe(201);
    matchingId = matching.body.id;
    const { key } = await storedKey(matchingId);
    if (key.type !== 'matching') throw new Error(`not a matching key: ${JSON.stringify(key)}`);
    // Two operations share one right-hand choice; the distractor pairs with nothing.
    const rightOf = new Map(key.pairs.map((p) => [p.left, p.right]));
    expect(rightOf.get('send')).toBe(rightOf.get('recv'));
    expect(rightOf.get('close')).not.toBe(rightOf.get('send'));
    const rows = await t.sql<{ options: Array<{ id: string; text: string; side: string }> }>(
      `SELECT v.options FROM question_versions v WHERE v.question_id = $1`,
      [matchingId],
    );
    expect(rows[0]!.options.filter((o) => o.side === 'right').map((o) => o.text).sort()).toEqual(['blocks forever', 'panics', 'returns the zero value at once']);
  });

  it('should give back the source as authored, keep an unchanged edit at its version and make an edit a new one', async () => {
    const ordering = await m.get(`${base()}/${orderingId}`).expect(200);
    expect(ordering.body.source.items).toEqual(ORDERING.items);
    expect(ordering.body.source).not.toHaveProperty('options');
    const matching = await m.get(`${base()}/${matchingId}`).expect(200);
    expect(matching.body.source).toMatchObject({ pairs: MATCHING.pairs, distractors: MATCHING.distractors });

    const same = await m.put(`${base()}/${matchingId}`, matching.body.source);
    expect([same.status, same.body.version]).toEqual([200, 1]);

    const swapped = [ORDERING.items[0]!, ORDERING.items[2]!, ORDERING.items[1]!, ORDERING.items[3]!];
    const edited = await m.put(`${base()}/${orderingId}`, { ...ordering.body.source, items: swapped });
    expect([edited.status, edited.body.version]).toEqual([200, 2]);
    expect(edited.body.answerKey).toEqual({ type: 'ordering', order: ['write', 'send', 'recv', 'read'] });
    // Back to the first order: a third version (versions are immutable, never rewritten).
    const back = await m.put(`${base()}/${orderingId}`, ordering.body.source);
    expect(back.body.version).toBe(3);
    expect((await storedKey(orderingId)).versions).toBe(3);
  });

  it('should refuse invalid items and pairs with field errors and store nothing', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.organization_id = $1', [orgId]);
    const cases: Array<[string, Json, string[]]> = [
      ['two items', { ...ORDERING, items: ORDERING.items.slice(0, 2) }, ['items']],
      ['thirteen items', { ...ORDERING, items: Array.from({ length: 13 }, (_, i) => ({ id: `e${i}`, text: `event ${i}` })) }, ['items']],
      ['a repeated item text', { ...ORDERING, items: [...ORDERING.items, { id: 'again', text: ORDERING.items[0]!.text }] }, ['items.4.text']],
      ['a repeated item id', { ...ORDERING, items: [...ORDERING.items, { id: 'write', text: 'another event' }] }, ['items.4.id']],
      ['no items', { ...ORDERING, items: undefined }, ['items']],
      ['one pair', { ...MATCHING, pairs: MATCHING.pairs.slice(0, 1) }, ['pairs']],
      ['a repeated left text', { ...MATCHING, pairs: [...MATCHING.pairs, { id: 'dup', text: MATCHING.pairs[0]!.text, match: 'something' }] }, ['pairs.3.text']],
      ['a distractor equal to a pair', { ...MATCHING, distractors: ['panics'] }, ['distractors.0']],
      ['a repeated distractor', { ...MATCHING, distractors: ['never', 'never'] }, ['distractors.1']],
      ['seven distractors', { ...MATCHING, distractors: ['1', '2', '3', '4', '5', '6', '7'] }, ['distractors']],
      ['one right-hand text for every pair', { ...MATCHING, pairs: MATCHING.pairs.map((p) => ({ ...p, match: 'same' })) }, ['pairs']],
      ['an empty right-hand text', { ...MATCHING, pairs: [{ ...MATCHING.pairs[0]!, match: '' }, ...MATCHING.pairs.slice(1)] }, ['pairs.0.match']],
      ['ordering items on a matching question', { ...MATCHING, items: ORDERING.items }, ['items']],
    ];
    for (const [name, body, fields] of cases) {
      const res = await m.post(base(), body);
      expect([name, res.status, res.body.code]).toEqual([name, 400, 'VALIDATION_FAILED']);
      expect([name, (res.body.fields as Fields).map((f) => f.field).sort()]).toEqual([name, fields]);
    }
    const notAList = await m.post(base(), { ...MATCHING, pairs: 'close=panics' });
    expect([notAList.status, notAList.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badEdit = await m.put(`${base()}/${orderingId}`, { ...ORDERING, items: ORDERING.items.slice(0, 2) });
    expect(badEdit.status).toBe(400);
    const after = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.organization_id = $1', [orgId]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('should preview what a candidate sees without the key and without storing, to members only', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE organization_id = $1', [orgId]);
    const ordering = await m.post(`${base()}/preview`, { ...ORDERING, title: 'A preview only' });
    expect(ordering.status).toBe(200);
    expect(findKeyMaterial(ordering.body)).toEqual([]);
    const shown = (ordering.body.options as Array<{ id: string; text: string }>).map((o) => o.id);
    expect([...shown].sort()).toEqual(['read', 'recv', 'send', 'write']);
    expect(shown).not.toEqual(ORDERING.items.map((i) => i.id));

    const matching = await m.post(`${base()}/preview`, MATCHING);
    expect(matching.status).toBe(200);
    expect(findKeyMaterial(matching.body)).toEqual([]);
    expect(matching.body.matchItems).toEqual(MATCHING.pairs.map(({ id, text }) => ({ id, text })));
    expect((matching.body.options as Array<{ text: string }>).map((o) => o.text).sort()).toEqual(['blocks forever', 'panics', 'returns the zero value at once']);
    expect(JSON.stringify(matching.body)).not.toContain('"side"');

    const invalid = await m.post(`${base()}/preview`, { ...ORDERING, items: [] });
    expect([invalid.status, invalid.body.code, invalid.body.fields[0].field]).toEqual([400, 'VALIDATION_FAILED', 'items']);
    const outsider = await user(t, 'outsider@else.example');
    const refused = await outsider.post(`${base()}/preview`, MATCHING);
    expect([refused.status, refused.body.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    const after = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE organization_id = $1', [orgId]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('should deliver both in a set without the key and grade a candidate with partial credit', async () => {
    const { setId } = await publishedSet(m, orgId, {
      title: 'Memory model screen',
      reviewPolicy: 'correctness',
      items: [
        { kind: 'fixed', questionId: orderingId, points: 2 },
        { kind: 'fixed', questionId: matchingId, points: 3 },
      ],
    });
    const invited = await m.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
      invitees: [{ name: 'Dana Diaz', email: 'dana@cand.example' }],
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(invited.status).toBe(201);
    const { b } = await candidate(t, tokenOf((invited.body as { invites: Array<{ link: string }> }).invites[0]!.link));
    const started = await b.post('/api/candidate/start');
    expect(started.status).toBe(201);
    const delivery = started.body as { id: string; items: Array<Json & { position: number; type: string; options: Array<{ id: string; text: string }>; matchItems?: Array<{ id: string }> }> };
    expect(findKeyMaterial(delivery)).toEqual([]);
    expect(JSON.stringify(delivery)).not.toContain('"side"');
    const [orderItem, matchItem] = delivery.items;
    expect(orderItem!.type).toBe('ordering');
    expect(orderItem!.options.map((o) => o.id)).not.toEqual(['write', 'recv', 'send', 'read']);
    expect(matchItem!.type).toBe('matching');
    expect(matchItem!.matchItems!.map((o) => o.id)).toEqual(['close', 'send', 'recv']);
    expect(matchItem!.options).toHaveLength(3);

    // Ordering: the last event first; the other three keep their order, so 3 of 4.
    const save1 = await b.put('/api/candidate/attempt/items/1/answer', { response: { order: ['read', 'write', 'recv', 'send'] } });
    expect(save1.status).toBe(200);
    // Matching by the texts the candidate sees: close right, send right, recv wrong (the distractor), so 2 of 3.
    const choice = new Map(matchItem!.options.map((o) => [o.text, o.id]));
    const pairs = { close: choice.get('panics'), send: choice.get('blocks forever'), recv: choice.get('returns the zero value at once') };
    const bad = await b.put('/api/candidate/attempt/items/2/answer', { response: { pairs: { ...pairs, 'not an item': 'm1' } } });
    expect([bad.status, bad.body.code]).toEqual([400, 'RESPONSE_INVALID']);
    const save2 = await b.put('/api/candidate/attempt/items/2/answer', { response: { pairs } });
    expect(save2.status).toBe(200);
    const submitted = await b.post('/api/candidate/attempt/submit');
    expect(submitted.status).toBe(200);

    const report = await m.get(`/api/orgs/${orgId}/results/${delivery.id}`).expect(200);
    const items = report.body.items as Array<{ status: string; score: number }>;
    expect(items.map((i) => i.status)).toEqual(['partial', 'partial']);
    expect(items[0]!.score).toBeCloseTo(2 * (3 / 4), 5);
    expect(items[1]!.score).toBeCloseTo(3 * (2 / 3), 5);
    const results = await m.get(`/api/orgs/${orgId}/sets/${setId}/results`).expect(200);
    const [row] = (results.body as { rows: Array<{ name: string; score: number; maxScore: number }> }).rows;
    expect([row!.name, row!.maxScore]).toEqual(['Dana Diaz', 5]);
    expect(row!.score).toBeCloseTo(1.5 + 2, 5);
  });

  describe('import from GIFT and Moodle XML into the organization', () => {
    const GIFT = `// exported from a Moodle course
::Nil channel behaviour::Match each operation on a nil channel with what it does.{
	=close(ch) -> panics
	=ch <- v -> blocks forever
	=<-ch -> blocks forever
	####The spec makes closing a nil channel panic. Sends and receives on it block forever.
}
`;
    const orderingXml = (answers: string[], feedback = '<generalfeedback format="html"><text><![CDATA[<p>Mark assist and sweep follow the mark phase.</p>]]></text></generalfeedback>', grading = 'LONGEST_ORDERED_SUBSET') => `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="ordering">
    <name><text>GC cycle phases</text></name>
    <questiontext format="html"><text><![CDATA[<p>Order the phases of one GC cycle.</p>]]></text></questiontext>
    ${feedback}
    <layouttype>VERTICAL</layouttype>
    <selecttype>ALL</selecttype>
    <gradingtype>${grading}</gradingtype>
${answers.map((text, i) => `    <answer fraction="${i + 1}" format="html"><text>${text}</text></answer>`).join('\n')}
  </question>
</quiz>`;
    const importUrl = () => `${base()}/import`;
    const orgVersions = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.organization_id = $1', [orgId]))[0]!.n;

    it('should import a GIFT matching question as an organization question with the pairs of the file', async () => {
      const res = await m.post(importUrl(), { format: 'gift', text: GIFT, topic: 'channels', references: ['https://go.dev/ref/spec#Close'] });
      expect(res.status).toBe(201);
      expect(res.body.questions).toEqual([{ id: 'org-nil-channel-behaviour', title: 'Nil channel behaviour', type: 'matching', version: 1 }]);
      const stored = await m.get(`${base()}/org-nil-channel-behaviour`).expect(200);
      expect(stored.body.source.pairs.map((p: { text: string; match: string }) => [p.text, p.match])).toEqual([
        ['close(ch)', 'panics'],
        ['ch <- v', 'blocks forever'],
        ['<-ch', 'blocks forever'],
      ]);
      expect(stored.body.source.references).toEqual(['https://go.dev/ref/spec#Close']);
      expect(stored.body.organizationId).toBe(orgId);
      // The references were given, so the importer's "no references" to-do is not passed on.
      expect((res.body.warnings as Array<{ message: string }>).filter((w) => /references/.test(w.message))).toEqual([]);
    });

    it('should import a Moodle XML ordering question in the order its fractions give', async () => {
      const res = await m.post(importUrl(), {
        format: 'moodle-xml',
        text: orderingXml(['mark setup (stop the world)', 'concurrent mark', 'mark termination', 'sweep']),
        topic: 'gc-tuning',
        references: ['https://go.dev/doc/gc-guide'],
      });
      expect(res.status).toBe(201);
      const id = res.body.questions[0].id as string;
      const stored = await m.get(`${base()}/${id}`).expect(200);
      expect(stored.body.type).toBe('ordering');
      expect(stored.body.source.items.map((i: { text: string }) => i.text)).toEqual(['mark setup (stop the world)', 'concurrent mark', 'mark termination', 'sweep']);
      const { key } = await storedKey(id);
      expect(key.type === 'ordering' && key.order).toEqual(stored.body.source.items.map((i: { id: string }) => i.id));

      // Another Moodle grading is imported as goprep's, and the response says so.
      const adapted = await m.post(importUrl(), {
        format: 'moodle-xml',
        text: orderingXml(['stop the world', 'mark', 'sweep'], undefined, 'ABSOLUTE_POSITION'),
        topic: 'gc-tuning',
        references: ['https://go.dev/doc/gc-guide'],
      });
      expect(adapted.status).toBe(201);
      expect(adapted.body.questions[0].id).toBe(`${id}-2`);
      expect((adapted.body.warnings as Array<{ line?: number; message: string }>).map((w) => w.message)).toContain(
        'question "GC cycle phases": Moodle grading "ABSOLUTE_POSITION" became goprep\'s longest-ordered-subset grading',
      );
    });

    it('should import nothing when one question cannot be an organization question, naming the line or the field', async () => {
      const before = await orgVersions();
      const twoItems = await m.post(importUrl(), { format: 'moodle-xml', text: orderingXml(['mark', 'sweep']), topic: 'gc-tuning', references: ['https://go.dev/doc/gc-guide'] });
      expect([twoItems.status, twoItems.body.code, twoItems.body.fields[0].field]).toEqual([400, 'VALIDATION_FAILED', 'text']);
      expect(twoItems.body.fields[0].message).toMatch(/^line \d+: /);

      const noFeedback = await m.post(importUrl(), {
        format: 'moodle-xml',
        text: orderingXml(['mark setup', 'concurrent mark', 'sweep'], ''),
        topic: 'gc-tuning',
        references: ['https://go.dev/doc/gc-guide'],
      });
      expect(noFeedback.status).toBe(400);
      expect(noFeedback.body.fields).toEqual([{ field: 'questions.0.explanation', message: '"GC cycle phases": is required' }]);

      const mixed = await m.post(importUrl(), { format: 'gift', text: `${GIFT}
::Second::Also nil channels.{
	=a -> b
	=c -> d
}
`, topic: 'channels', references: ['https://go.dev/ref/spec#Close'] });
      expect(mixed.status).toBe(400);
      expect((mixed.body.fields as Fields).map((f) => f.field)).toEqual(['questions.1.explanation']);

      const noTopic = await m.post(importUrl(), { format: 'gift', text: GIFT, references: ['https://go.dev/ref/spec#Close'] });
      expect([noTopic.status, noTopic.body.fields[0].field]).toEqual([400, 'text']);
      const badReference = await m.post(importUrl(), { format: 'gift', text: GIFT, topic: 'channels', references: ['http://insecure.example'] });
      expect([badReference.status, badReference.body.fields[0].field]).toEqual([400, 'questions.0.references.0']);
      const noReferences = await m.post(importUrl(), { format: 'gift', text: GIFT, topic: 'channels', references: [] });
      expect([noReferences.status, noReferences.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const badFormat = await m.post(importUrl(), { format: 'docx', text: GIFT, topic: 'channels', references: ['https://go.dev/ref/spec#Close'] });
      expect([badFormat.status, badFormat.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const broken = await m.post(importUrl(), { format: 'moodle-xml', text: '<quiz><question', topic: 'channels', references: ['https://go.dev/ref/spec#Close'] });
      expect([broken.status, broken.body.fields[0].field]).toEqual([400, 'text']);
      expect(await orgVersions()).toBe(before);

      const outsider = await user(t, 'importer@else.example');
      const refused = await outsider.post(importUrl(), { format: 'gift', text: GIFT, topic: 'channels', references: ['https://go.dev/ref/spec#Close'] });
      expect([refused.status, refused.body.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    });
  });
});
