import { Browser, createTestApp, type TestApp } from './support/test-app';

type Json = Record<string, unknown>;
const START = { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 3, timeLimitMinutes: 10 };

describe('attempts: abandoning an open attempt', () => {
  let t: TestApp;
  let b: Browser;
  beforeAll(async () => {
    t = await createTestApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0' });
    b = new Browser(t.server);
    await b.register('quitter@example.com', 'a long enough secret', 'Quinn');
  });
  afterAll(() => t.close());

  it('should close it as abandoned, ungraded, out of the trend, and refuse answers and a submit afterwards', async () => {
    const started = await b.post('/api/attempts', START);
    expect(started.status).toBe(201);
    const id = (started.body as Json)['id'] as string;
    expect((await b.put(`/api/attempts/${id}/items/1/answer`, { response: null, flagged: true })).status).toBe(200);

    const res = await b.post(`/api/attempts/${id}/abandon`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, state: 'abandoned' });
    expect((res.body as Json)['score'] ?? null).toBeNull();
    const [row] = await t.sql<{ state: string; result: unknown; finished_at: Date | null }>(`SELECT state, result, finished_at FROM attempts WHERE id = $1`, [id]);
    expect(row).toMatchObject({ state: 'abandoned', result: null });
    expect(row!.finished_at).not.toBeNull();

    // Idempotent; and the attempt is closed for answers and for a submit.
    expect((await b.post(`/api/attempts/${id}/abandon`, {})).status).toBe(200);
    const save = await b.put(`/api/attempts/${id}/items/1/answer`, { response: null, flagged: false });
    expect(save.status).toBe(409);
    const submit = await b.post(`/api/attempts/${id}/submit`, {});
    expect(submit.status).toBe(409);
    expect((submit.body as Json)['code']).toBe('ATTEMPT_CLOSED');

    const history = (await b.get('/api/attempts').expect(200)).body as { attempts: Array<{ id: string; state: string }>; topicTrend: Array<{ points: Array<{ attemptId: string }> }> };
    expect(history.attempts.find((a) => a.id === id)?.state).toBe('abandoned');
    expect(history.topicTrend.flatMap((tr) => tr.points.map((p) => p.attemptId))).not.toContain(id);
  });

  it('should refuse to abandon a submitted attempt (409) and someone else\'s attempt (404)', async () => {
    const id = ((await b.post('/api/attempts', START)).body as Json)['id'] as string;
    expect((await b.post(`/api/attempts/${id}/submit`, {})).status).toBe(200);
    const late = await b.post(`/api/attempts/${id}/abandon`, {});
    expect(late.status).toBe(409);
    expect((late.body as Json)['code']).toBe('ATTEMPT_CLOSED');

    const other = new Browser(t.server);
    await other.register('other@example.com', 'a long enough secret', 'Other');
    const open = ((await b.post('/api/attempts', START)).body as Json)['id'] as string;
    const foreign = await other.post(`/api/attempts/${open}/abandon`, {});
    expect(foreign.status).toBe(404);
    expect((foreign.body as Json)['code']).toBe('ATTEMPT_NOT_FOUND');
  });
});
