import type { AttemptResult } from '@goprep/domain';
import type { AttemptRow } from './attempt-rows';
import { mapDeliveryItem, mapReviewItem, mapSummary, titleFacts, type DeliveryItemRow, type ReviewItemRow } from './attempt.mappers';

const item: DeliveryItemRow = {
  position: 2,
  option_order: ['c', 'a', 'b'],
  points: '1.0000',
  question_id: 'ch-select',
  version: 3,
  title: 'Select',
  topic_id: 'channels',
  type: 'single',
  difficulty: 2,
  prompt: 'Which case runs?',
  code: null,
  options: [
    { id: 'a', text: 'A', correct: false, feedback: 'no' },
    { id: 'b', text: 'B', correct: true, feedback: 'yes' },
    { id: 'c', text: 'C', correct: false },
  ],
  unit: null,
  expected_seconds: 60,
  response: null,
  flagged: null,
  time_spent_ms: null,
  revision: null,
  saved_at: null,
};

const result: AttemptResult = {
  items: 1, score: 1, maxScore: 1, percent: 100, correct: 1, partial: 0, incorrect: 0, unanswered: 0, pending: 0,
  byTopic: [], byDifficulty: [], timeTakenSeconds: 30,
};

const attempt = (over: Partial<AttemptRow>): AttemptRow => ({
  id: 'a1', user_id: 'u1', invite_id: null, set_version_id: null, mode: 'quick', seed: '7', state: 'submitted', content_locale: 'en',
  config: { title: 'Quick quiz: channels', timeLimitSeconds: 600, shuffleOptions: true },
  started_at: new Date('2026-11-21T10:00:00Z'), deadline_at: new Date('2026-11-21T10:10:00Z'),
  submitted_at: new Date('2026-11-21T10:05:00Z'), finished_at: new Date('2026-11-21T10:05:00Z'),
  overdue_policy: 'auto-submit', submit_grace_seconds: 0, review_policy: 'full',
  score: '1', max_score: '1', result, item_count: 1, ...over,
});

describe('mapDeliveryItem', () => {
  it("should give options in the attempt's order with only id and text", () => {
    const dto = mapDeliveryItem(item);
    expect(dto.options).toEqual([{ id: 'c', text: 'C' }, { id: 'a', text: 'A' }, { id: 'b', text: 'B' }]);
    expect(JSON.stringify(dto)).not.toMatch(/correct|feedback/);
  });

  it('should leave out code and unit when the question has none, and show no answer before a save', () => {
    const dto = mapDeliveryItem(item);
    expect('code' in dto || 'unit' in dto).toBe(false);
    expect(dto.answer).toBeNull();
  });

  it('should treat a row graded without a save (revision 0) as not answered', () => {
    expect(mapDeliveryItem({ ...item, revision: 0, saved_at: new Date(), response: null }).answer).toBeNull();
  });

  it('should return a saved answer with its revision', () => {
    const savedAt = new Date('2026-11-21T10:01:00Z');
    const dto = mapDeliveryItem({ ...item, revision: 3, saved_at: savedAt, response: { type: 'single', choice: 'b' }, flagged: true, time_spent_ms: 1200 });
    expect(dto.answer).toEqual({ response: { type: 'single', choice: 'b' }, flagged: true, timeSpentMs: 1200, revision: 3, savedAt: savedAt.toISOString() });
  });

  it("should give a code task's starter files and visible tests, and nothing else of its spec", () => {
    const task = { files: ['stop.go'], starter: { 'stop.go': 'package stop\n' }, visibleTests: { 'visible_test.go': 'package stop\n' } };
    // A row carrying more than the delivery query selects must still deliver only these three fields.
    const row = { ...item, type: 'code-task', options: null, task: { ...task, hiddenTests: { 'hidden_test.go': 'x' }, solution: { 'stop.go': 'y' } } };
    const dto = mapDeliveryItem(row);
    expect(dto.task).toEqual(task);
    expect(JSON.stringify(dto)).not.toMatch(/hidden|solution/);
    expect('task' in mapDeliveryItem(item)).toBe(false);
  });
});

describe('mapReviewItem', () => {
  const review: ReviewItemRow = {
    ...item,
    type: 'code-output',
    options: null,
    code: 'package main',
    answer_key: { type: 'code-output', outputs: ['1\n2'] },
    explanation: 'Because.',
    references: ['https://go.dev/ref/mem'],
    score: '0.0000',
    status: 'incorrect',
  };

  it('should carry the key, the explanation and the verified output of a code question', () => {
    expect(mapReviewItem(review)).toMatchObject({ key: { type: 'code-output', outputs: ['1\n2'] }, explanation: 'Because.', verifiedOutput: ['1\n2'], score: 0 });
  });

  it('should show correct and feedback per option in the attempt order', () => {
    const dto = mapReviewItem({ ...review, type: 'single', code: null, options: item.options, answer_key: { type: 'single', correct: 'b' } });
    expect(dto.options?.map((o) => [o.id, o.correct])).toEqual([['c', false], ['a', false], ['b', true]]);
    expect(dto.verifiedOutput).toBeUndefined();
  });

  it('should name options in the explanation and feedback by the letters the attempt showed them with', () => {
    const options = [
      { id: 'a', text: 'A', correct: false, feedback: 'Option (b) is the right one.' },
      { id: 'b', text: 'B', correct: true },
      { id: 'c', text: 'C', correct: false },
    ];
    // Shown as c, a, b: c is A, a is B, b is C.
    const dto = mapReviewItem({ ...review, type: 'single', code: null, options, answer_key: { type: 'single', correct: 'b' }, explanation: 'Option b holds; options a and (c) do not.' });
    expect(dto.explanation).toBe('Option C holds; options B and (A) do not.');
    expect(dto.options?.[1]?.feedback).toBe('Option (C) is the right one.');
  });
});

describe('titleFacts', () => {
  it('should give the facts of a quick quiz, a mock interview and a set instead of English text', () => {
    const quick = attempt({ config: { title: 'Quick quiz: memory-model, channels', timeLimitSeconds: 600, shuffleOptions: true, quick: { topics: ['memory-model', 'channels'], difficulty: { min: 1, max: 5 }, count: 5 } } });
    expect(mapSummary(quick).titleFacts).toEqual({ kind: 'quick', topics: ['memory-model', 'channels'] });
    const mock = attempt({ mode: 'mock', config: { title: 'Mock interview: SRE (senior)', timeLimitSeconds: 600, shuffleOptions: true, mock: { template: 'sre', level: 'senior' } } });
    expect(mapSummary(mock).titleFacts).toEqual({ kind: 'mock', template: 'sre', level: 'senior' });
    expect(titleFacts({ mode: 'set', config: { title: 'Backend screen', timeLimitSeconds: 600, shuffleOptions: false } })).toEqual({ kind: 'set', setTitle: 'Backend screen' });
  });

  it('should give only the kind when a row has no facts, so the stored title is the fallback', () => {
    const bare = attempt({ config: { title: 'Quick quiz: channels', timeLimitSeconds: 600, shuffleOptions: true } });
    expect(mapSummary(bare)).toMatchObject({ title: 'Quick quiz: channels', titleFacts: { kind: 'quick' } });
  });
});

describe('mapSummary', () => {
  it('should show the score of a submitted attempt under the full policy', () => {
    expect(mapSummary(attempt({})).result?.score).toBe(1);
  });

  it('should hide the score under the none policy and before submission', () => {
    expect(mapSummary(attempt({ review_policy: 'none' })).result).toBeNull();
    expect(mapSummary(attempt({ state: 'in_progress', result: null, finished_at: null })).result).toBeNull();
  });
});

describe('content language', () => {
  const translated: DeliveryItemRow = {
    ...item,
    tr_content_hash: 'h3',
    tr_source_hash: 'h3',
    tr_title: '选择',
    tr_prompt: '哪个 case 会执行？',
    tr_options: [
      { id: 'a', text: '甲' },
      { id: 'b', text: '乙' },
      { id: 'c', text: '丙' },
    ],
    tr_unit: null,
  };

  it('should deliver a fresh translation in the asked language with the same option ids and order', () => {
    const dto = mapDeliveryItem(translated, 'zh-CN');
    expect(dto).toMatchObject({ title: '选择', prompt: '哪个 case 会执行？', contentLocale: 'zh-CN', fallback: false });
    expect(dto.options).toEqual([{ id: 'c', text: '丙' }, { id: 'a', text: '甲' }, { id: 'b', text: '乙' }]);
  });

  it('should fall back to English, marked stale, when the translation was made from another English version', () => {
    const dto = mapDeliveryItem({ ...translated, tr_source_hash: 'h2' }, 'zh-CN');
    expect(dto).toMatchObject({ title: 'Select', prompt: 'Which case runs?', contentLocale: 'en', fallback: true, fallbackReason: 'stale' });
    expect(dto.options?.map((o) => o.text)).toEqual(['C', 'A', 'B']);
  });

  it('should fall back to English, marked missing, when there is no translation', () => {
    expect(mapDeliveryItem(item, 'zh-CN')).toMatchObject({ title: 'Select', contentLocale: 'en', fallback: true, fallbackReason: 'missing' });
  });

  it('should not mark English as a fallback when English was asked for, even if a translation exists', () => {
    const dto = mapDeliveryItem(translated, 'en');
    expect(dto).toMatchObject({ title: 'Select', contentLocale: 'en', fallback: false });
    expect('fallbackReason' in dto).toBe(false);
  });

  it('should review in the asked language: feedback, explanation and key text from the translation, correctness from the English', () => {
    const row: ReviewItemRow = {
      ...translated,
      answer_key: { type: 'single', correct: 'b' },
      explanation: 'Because.',
      references: [],
      score: '1',
      status: 'correct',
      tr_explanation: '因为。选项 b 对，(a) 不对。',
      tr_option_feedback: { a: '不对', b: '对' },
      tr_answer: null,
      tr_accepted: null,
      tr_rubric: null,
    };
    const dto = mapReviewItem(row, 'zh-CN');
    expect(dto.explanation).toBe('因为。选项 C 对，(B) 不对。');
    expect(dto.key).toEqual({ type: 'single', correct: 'b' });
    expect(dto.options).toEqual([
      { id: 'c', text: '丙', correct: false },
      { id: 'a', text: '甲', correct: false, feedback: '不对' },
      { id: 'b', text: '乙', correct: true, feedback: '对' },
    ]);
  });
});
