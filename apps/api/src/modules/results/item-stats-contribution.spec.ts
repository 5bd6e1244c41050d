import { statsContribution, type StatsAttemptRow, type StatsItemRow } from './item-stats-contribution';

const attempt = (over: Partial<StatsAttemptRow> = {}): StatsAttemptRow => ({
  set_version_id: 'sv',
  state: 'submitted',
  beyond_allowance: false,
  score: '2.5',
  max_score: '4',
  ...over,
});

const items: StatsItemRow[] = [
  { position: 1, question_version_id: 'qa', points: '1', score: '1', status: 'correct', answer_key: { type: 'single', correct: 'a' }, response: { type: 'single', choice: 'a' } },
  {
    position: 2,
    question_version_id: 'qm',
    points: '3',
    score: '1.5',
    status: 'partial',
    answer_key: { type: 'matching', pairs: [{ left: 'l1', right: 'r1' }, { left: 'l2', right: 'r2' }] },
    response: { type: 'matching', pairs: { l1: 'r1', l2: 'r1' } },
  },
];

describe('an attempt\'s contribution to its set version\'s item statistics', () => {
  it('should carry the total, each item\'s score as numeric text and its breakdown cells', () => {
    expect(statsContribution(attempt(), items)).toEqual({
      pending: false,
      total: '2.5',
      max: '4',
      items: [
        { q: 'qa', slot: 1, points: '1', score: '1' },
        { q: 'qm', slot: 2, points: '3', score: '1.5' },
      ],
      breakdown: [
        { q: 'qa', kind: 'option', key: 'a' },
        { q: 'qm', kind: 'pair', key: 'l1' },
      ],
    });
  });

  it('should not count an attempt beyond its invite\'s allowance, not submitted, or of no set version', () => {
    expect(statsContribution(attempt({ beyond_allowance: true }), items)).toBeNull();
    expect(statsContribution(attempt({ state: 'in_progress' }), items)).toBeNull();
    expect(statsContribution(attempt({ state: 'abandoned' }), items)).toBeNull();
    expect(statsContribution(attempt({ set_version_id: null }), items)).toBeNull();
  });

  it('should only mark an attempt pending while an item waits for a grade, and count an unscored item as 0', () => {
    const waiting = [...items, { ...items[0]!, position: 3, question_version_id: 'qe', score: null, status: 'pending', answer_key: { type: 'essay' as const, rubric: [] }, response: null }];
    expect(statsContribution(attempt(), waiting)).toEqual({ pending: true });
    const unscored = [{ ...items[0]!, score: null, status: 'unanswered', response: null }];
    expect(statsContribution(attempt(), unscored)?.items).toEqual([{ q: 'qa', slot: 1, points: '1', score: '0' }]);
  });
});
