import type { PoolCandidate } from '@goprep/domain';
import { changedFields, poolCandidatesFor, setShortfalls, summarizeSetContent, type PinnedFacts, type SetContent, type SetItem } from './set-items';

const q = (id: string, over: Partial<PoolCandidate> = {}): PoolCandidate => ({
  id,
  topic: 'channels',
  type: 'single',
  difficulty: 3,
  tags: [],
  expectedSeconds: 60,
  ...over,
});

/** Four channel questions (60, 60, 120, 120 s) and one sync question. */
const candidates = [q('a'), q('b'), q('c', { expectedSeconds: 120, type: 'code-output' }), q('d', { expectedSeconds: 120, tags: ['basic'] }), q('s', { topic: 'sync' })];
const fixed = (questionId: string, versionId: string, points = 1): SetItem => ({ kind: 'fixed', questionId, versionId, points });
const pool = (count: number, over: Partial<Extract<SetItem, { kind: 'pool' }>> = {}): SetItem => ({
  kind: 'pool',
  topic: 'channels',
  count,
  difficulty: [1, 5],
  points: 1,
  ...over,
});

const content = (items: SetItem[]): SetContent => ({
  title: 'T',
  instructions: '',
  timeLimitSeconds: 600,
  shuffleOptions: true,
  overduePolicy: 'auto-submit',
  submitGraceSeconds: 0,
  reviewPolicy: 'score',
  language: 'en',
  items,
});

describe('poolCandidatesFor', () => {
  it('should leave out the questions the set pins as fixed items', () => {
    expect(poolCandidatesFor([fixed('a', 'va'), pool(1)], candidates).map((c) => c.id)).toEqual(['b', 'c', 'd', 's']);
  });
});

describe('setShortfalls', () => {
  it('should report nothing for a set without pools or with fillable pools', () => {
    expect(setShortfalls([fixed('a', 'va')], candidates)).toEqual([]);
    expect(setShortfalls([pool(4)], candidates)).toEqual([]);
  });

  it('should name the pool by its index among all items and not count fixed questions as eligible', () => {
    expect(setShortfalls([fixed('a', 'va'), fixed('s', 'vs'), pool(4)], candidates)).toEqual([{ item: 2, topic: 'channels', wanted: 4, drawn: 3, eligible: 3 }]);
  });

  it('should report competing pools against the later one', () => {
    const items = [pool(3), fixed('s', 'vs'), pool(2, { types: ['code-output', 'single'] })];
    // a, b, c and d all match the second pool, but the first one needs three of them.
    expect(setShortfalls(items, candidates)).toEqual([{ item: 2, topic: 'channels', wanted: 2, drawn: 1, eligible: 4 }]);
  });
});

describe('summarizeSetContent', () => {
  const pinned = new Map<string, PinnedFacts>([
    ['va', { topic: 'channels', type: 'single', expectedSeconds: 60 }],
    ['vs', { topic: 'sync', type: 'essay', expectedSeconds: 900 }],
  ]);

  it('should add fixed times and, per pool, count x the mean time of what it can draw', () => {
    // Pool over b, c, d (a is fixed): mean (60 + 120 + 120) / 3 = 100 s; 2 questions = 200 s.
    const summary = summarizeSetContent(content([fixed('a', 'va', 2), fixed('s', 'vs', 10), pool(2, { points: 3 })]), pinned, candidates);
    expect(summary).toEqual({
      questions: 4,
      fixedQuestions: 2,
      poolQuestions: 2,
      totalPoints: 2 + 10 + 2 * 3,
      expectedSeconds: 60 + 900 + 200,
      timeLimitSeconds: 600,
      overTimeLimit: true,
      byTopic: [
        { key: 'channels', count: 3 },
        { key: 'sync', count: 1 },
      ],
      byType: [
        { key: 'pool', count: 2 },
        { key: 'essay', count: 1 },
        { key: 'single', count: 1 },
      ],
      shortfalls: [],
    });
  });

  it('should honour a pool\'s filters for the expected time and add nothing for an empty pool', () => {
    // Without "basic": a, b, c -> mean (60 + 60 + 120) / 3 = 80 s.
    const filtered = summarizeSetContent(content([pool(3, { excludeTags: ['basic'] })]), pinned, candidates);
    expect(filtered).toMatchObject({ expectedSeconds: 240, overTimeLimit: false, shortfalls: [] });
    const empty = summarizeSetContent(content([pool(1, { topic: 'kubernetes' })]), pinned, candidates);
    expect(empty).toMatchObject({ expectedSeconds: 0, questions: 1, shortfalls: [{ item: 0, topic: 'kubernetes', wanted: 1, drawn: 0, eligible: 0 }] });
  });

  it('should summarise an empty set as zeros', () => {
    expect(summarizeSetContent(content([]), pinned, candidates)).toMatchObject({ questions: 0, totalPoints: 0, expectedSeconds: 0, byTopic: [], shortfalls: [] });
  });
});

describe('changedFields', () => {
  it('should name changed settings and items, nothing for equal content', () => {
    const before = content([fixed('a', 'va')]);
    expect(changedFields(before, content([fixed('a', 'va')]))).toEqual([]);
    expect(changedFields(before, { ...content([fixed('a', 'va', 2)]), title: 'U', reviewPolicy: 'full' })).toEqual(['title', 'reviewPolicy', 'items']);
    // jsonb hands keys back in its own order; that is no change.
    const reordered = { points: 1, versionId: 'va', kind: 'fixed', questionId: 'a' } as SetItem;
    expect(changedFields(before, content([reordered]))).toEqual([]);
  });
});
