import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { Browser, createTestApp, type TestApp } from './support/test-app';

/** The entries of a zip (only what the exporter writes: deflated entries, no data descriptors). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    out.set(name, inflateRawSync(buf.subarray(start, start + size)));
    at = start + size;
  }
  return out;
}

const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('drill deck export (Anki package and CSV)', () => {
  let t: TestApp;
  let learner: Browser;
  let cards = 0;
  let unreviewed = '';

  beforeAll(async () => {
    t = await createTestApp();
    learner = new Browser(t.server);
    await learner.register('anki-export@example.com', 'a long enough secret', 'Anki');
    const added = await learner.post('/api/drills/deck', { topic: 'channels' });
    expect(added.status).toBe(201);
    cards = (added.body as { added: number }).added;
    expect(cards).toBeGreaterThan(3);
    // A card is exported once reviewed (its key has been shown): review all but one.
    const deck = await t.sql<{ question_id: string }>(
      `SELECT c.question_id FROM srs_cards c JOIN users u ON u.id = c.user_id WHERE u.email = $1 ORDER BY c.question_id`,
      ['anki-export@example.com'],
    );
    unreviewed = deck[deck.length - 1]!.question_id;
    for (const { question_id } of deck.slice(0, -1)) {
      const res = await learner.post('/api/drills/reviews', { reviewId: randomUUID(), questionId: question_id, durationMs: 4000, rating: 'good' });
      expect(res.status).toBe(200);
    }
    cards -= 1;
  });

  afterAll(() => t.close());

  it('should need a session', async () => {
    const anon = new Browser(t.server);
    expect((await anon.get('/api/drills/export.apkg')).status).toBe(401);
    expect((await anon.get('/api/drills/export.csv')).status).toBe(401);
  });

  it('should refuse an unknown scope with 400 and a code', async () => {
    const res = await learner.get('/api/drills/export.apkg?scope=everything');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('should send a zip with the collection (an SQLite database) and an empty media map, as an attachment', async () => {
    const res = await learner.get('/api/drills/export.apkg').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="goprep-drills-\d{4}-\d{2}-\d{2}\.apkg"$/);
    const entries = unzip(res.body as Buffer);
    expect([...entries.keys()]).toEqual(['collection.anki2', 'media']);
    expect(entries.get('collection.anki2')!.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(entries.get('media')!.toString()).toBe('{}');
    // Each card's goprep id is a field: every question of the deck is in the file.
    const ids = await t.sql<{ question_id: string }>(`SELECT question_id FROM srs_cards c JOIN users u ON u.id = c.user_id WHERE u.email = $1`, ['anki-export@example.com']);
    const db = entries.get('collection.anki2')!.toString('latin1');
    for (const { question_id } of ids) {
      if (question_id === unreviewed) expect(db).not.toContain(`goprep:${question_id}`);
      else expect(db).toContain(`goprep:${question_id}`);
    }
  });

  it('should export the same cards as CSV with Anki import headers, one line per card', async () => {
    const res = await learner.get('/api/drills/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (res.text as string).trimEnd().split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['#separator:comma', '#html:true', '#columns:Front,Back,goprep id,Tags,GUID', '#tags column:4', '#guid column:5']);
    expect(lines).toHaveLength(5 + cards);
    expect(lines[5]).toMatch(/^"<div class=""gp-title"">/);
    expect(lines.slice(5).every((l) => /,"goprep:[^"]+"$/.test(l))).toBe(true);
  });

  it('should leave out a card never reviewed: its key has not been shown yet', async () => {
    const csv = (await learner.get('/api/drills/export.csv')).text;
    expect(csv).not.toContain(`"goprep:${unreviewed}"`);
  });

  it('should document errors as JSON although the success is a download (Schemathesis found a 400 documented as text/csv)', async () => {
    const doc = (await learner.get('/api/docs/openapi.json')).body as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    for (const path of ['/api/drills/export.apkg', '/api/drills/export.csv', '/api/orgs/{orgId}/sets/{setId}/results.csv']) {
      const bad = doc.paths[path]!.get.responses['400']!;
      expect([path, Object.keys(bad.content ?? {})]).toEqual([path, ['application/json']]);
    }
  });

  it('should export only the missed cards (a lapse or a latest Again) with scope=missed', async () => {
    expect((await learner.get('/api/drills/export.csv?scope=missed')).text.trimEnd().split('\r\n')).toHaveLength(5);
    const [card] = await t.sql<{ id: string; question_id: string }>(
      `SELECT c.id, c.question_id FROM srs_cards c JOIN users u ON u.id = c.user_id WHERE u.email = $1 AND c.question_id <> $2 ORDER BY c.question_id LIMIT 1`,
      ['anki-export@example.com', unreviewed],
    );
    await t.sql(`UPDATE srs_cards SET lapses = 1 WHERE id = $1`, [card!.id]);
    const missed = (await learner.get('/api/drills/export.csv?scope=missed')).text.trimEnd().split('\r\n');
    expect(missed).toHaveLength(6);
    expect(missed[5]).toContain(`"goprep:${card!.question_id}"`);
  });

  it('should never include another learner’s cards', async () => {
    const other = new Browser(t.server);
    await other.register('anki-other@example.com', 'a long enough secret', 'Other');
    const res = await other.get('/api/drills/export.csv');
    expect(res.status).toBe(200);
    expect(res.text.trimEnd().split('\r\n')).toHaveLength(5);
  });
});
