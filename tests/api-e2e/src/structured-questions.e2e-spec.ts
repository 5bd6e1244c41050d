import { unwrap, type ApiClient, type Schemas } from '@goprep/api-client';
import type { AnswerKey } from '@goprep/domain';
import { clientFor, createTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long enough secret';
const ENV = { ATTEMPT_SWEEP_INTERVAL_MS: '0' };
const ORDERING = 'mm-order-channel-happens-before';
const MATCHING = 'mm-match-synchronized-before';

type Delivery = Schemas['AttemptDeliveryDto'];
type StoredOption = { id: string; text: string; side?: 'left' | 'right' };

/**
 * Matching and ordering questions of the real bank through a practice attempt: what delivery shows
 * (never the key order, choices as their own list), what a save accepts, how submit grades, and
 * what the review adds. Keys are read from the database, never from the API.
 */
describe('matching and ordering questions in an attempt', () => {
  let t: TestApp;
  let client: ApiClient;

  async function stored(questionId: string): Promise<{ key: AnswerKey; options: StoredOption[] }> {
    const [row] = await t.sql<{ answer_key: AnswerKey; options: StoredOption[] }>(
      `SELECT v.answer_key, v.options FROM question_versions v JOIN questions q ON q.id = v.question_id AND v.version = q.current_version WHERE q.id = $1`,
      [questionId],
    );
    if (!row) throw new Error(`${questionId} is not loaded`);
    return { key: row.answer_key, options: row.options };
  }

  const practice = (questionId: string): Promise<Delivery> => unwrap(client.POST('/api/attempts', { body: { mode: 'quick', questionId } }));
  const save = (id: string, response: unknown) =>
    client.PUT('/api/attempts/{id}/items/{position}/answer', { params: { path: { id, position: 1 } }, body: { response: response as Record<string, unknown> } });

  beforeAll(async () => {
    t = await createTestApp(ENV);
    client = await clientFor(t);
    await unwrap(client.POST('/api/auth/register', { body: { email: 'order@example.com', password: PASSWORD, displayName: 'order' } }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should deliver ordering items shuffled, never in key order, with the same order on every fetch', async () => {
    const { key } = await stored(ORDERING);
    if (key.type !== 'ordering') throw new Error('not an ordering key');
    for (let i = 0; i < 4; i += 1) {
      const attempt = await practice(ORDERING);
      const item = attempt.items[0]!;
      const ids = item.options!.map((o) => o.id);
      expect(ids).not.toEqual(key.order);
      expect([...ids].sort()).toEqual([...key.order].sort());
      expect(Object.keys(item.options![0]!).sort()).toEqual(['id', 'text']);
      const again = await unwrap(client.GET('/api/attempts/{id}', { params: { path: { id: attempt.id } } }));
      expect(again.items[0]!.options!.map((o) => o.id)).toEqual(ids);
    }
  });

  it('should refuse malformed ordering responses with 400 RESPONSE_INVALID', async () => {
    const attempt = await practice(ORDERING);
    for (const response of [{ order: 'go,start' }, { order: ['go', 'go'] }, { order: [1, 2] }, { pairs: {} }, { order: [], extra: true }]) {
      const res = await save(attempt.id, response);
      expect([JSON.stringify(response), res.response.status, (res.error as { code?: string } | undefined)?.code]).toEqual([JSON.stringify(response), 400, 'RESPONSE_INVALID']);
    }
  });

  it('should grade an ordering answer by the longest ordered subset on submit and show the key in the review', async () => {
    const { key } = await stored(ORDERING);
    if (key.type !== 'ordering') throw new Error('not an ordering key');
    const attempt = await practice(ORDERING);
    // The first event moved to the end: the other n-1 stay in order.
    const answer = [...key.order.slice(1), key.order[0]!];
    expect((await save(attempt.id, { order: answer })).response.status).toBe(200);
    const submitted = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: attempt.id } } }));
    expect(submitted.result!.score).toBeCloseTo((key.order.length - 1) / key.order.length, 3);
    const review = await unwrap(client.GET('/api/attempts/{id}/review', { params: { path: { id: attempt.id } } }));
    const item = review.items[0]!;
    expect(item.status).toBe('partial');
    expect(item.key).toEqual(key);
    expect(item.response).toEqual({ type: 'ordering', order: answer });
  });

  it('should deliver matching left items and right-hand choices as separate lists, the choices shuffled', async () => {
    const { key, options } = await stored(MATCHING);
    if (key.type !== 'matching') throw new Error('not a matching key');
    const left = options.filter((o) => o.side === 'left').map((o) => o.id);
    const right = options.filter((o) => o.side === 'right').map((o) => o.id);
    const attempt = await practice(MATCHING);
    const item = attempt.items[0]!;
    expect(item.matchItems!.map((o) => o.id)).toEqual(left);
    expect([...item.options!.map((o) => o.id)].sort()).toEqual([...right].sort());
    expect(item.options!.map((o) => o.id)).not.toEqual(right);
    expect(JSON.stringify(item)).not.toContain('"side"');
  });

  it('should grade matching per pair: three right, one wrong, one blank of five is 3/5', async () => {
    const { key } = await stored(MATCHING);
    if (key.type !== 'matching') throw new Error('not a matching key');
    const attempt = await practice(MATCHING);
    const [p0, p1, p2, p3] = key.pairs;
    const wrong = key.pairs.find((pair) => pair.right !== p3!.right)!.right;
    const pairs = { [p0!.left]: p0!.right, [p1!.left]: p1!.right, [p2!.left]: p2!.right, [p3!.left]: wrong };
    expect((await save(attempt.id, { pairs: { ...pairs, 'a b': 'm1' } })).response.status).toBe(400);
    expect((await save(attempt.id, { pairs })).response.status).toBe(200);
    const submitted = await unwrap(client.POST('/api/attempts/{id}/submit', { params: { path: { id: attempt.id } } }));
    expect(submitted.result!.score).toBeCloseTo(3 / key.pairs.length, 3);
    const review = await unwrap(client.GET('/api/attempts/{id}/review', { params: { path: { id: attempt.id } } }));
    expect(review.items[0]!.key).toEqual(key);
    expect(review.items[0]!.matchItems!.map((o) => o.id)).toEqual(key.pairs.map((pair) => pair.left));
  });

  it('should show the question page without the key order, and in Chinese with the same ids', async () => {
    const { key } = await stored(ORDERING);
    if (key.type !== 'ordering') throw new Error('not an ordering key');
    const page = await unwrap(client.GET('/api/questions/{id}', { params: { path: { id: ORDERING } } }));
    expect(page.options!.map((o) => o.id)).not.toEqual(key.order);
    const zh = await unwrap(client.GET('/api/questions/{id}', { params: { path: { id: ORDERING } }, headers: { 'Accept-Language': 'zh-CN' } }));
    expect(zh.contentLocale).toBe('zh-CN');
    expect(zh.options!.map((o) => o.id)).toEqual(page.options!.map((o) => o.id));
    expect(zh.options!.find((o) => o.id === 'read')!.text).toBe('`main` 读取 `a`');
    const matching = await unwrap(client.GET('/api/questions/{id}', { params: { path: { id: MATCHING } } }));
    expect(matching.matchItems!.map((o) => o.id)).toEqual(['go-stmt', 'send', 'close', 'unlock', 'once']);
    expect(matching.options!.map((o) => o.id).sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });
});
