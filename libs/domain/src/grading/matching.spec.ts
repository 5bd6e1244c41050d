import type { AnswerKey } from './answer-key';
import { grade } from './grade';
import { matchingVerdicts } from './matching';
import { validateResponse } from './validate-response';

const key: AnswerKey = {
  type: 'matching',
  pairs: [
    { left: 'a', right: 'm1' },
    { left: 'b', right: 'm2' },
    { left: 'c', right: 'm3' },
    { left: 'd', right: 'm2' },
  ],
};
const pairs = (p: Record<string, string>) => ({ type: 'matching' as const, pairs: p });

describe('matching grading (credit per pair)', () => {
  it('should give full credit when every left item has its choice', () => {
    expect(grade(key, pairs({ a: 'm1', b: 'm2', c: 'm3', d: 'm2' }))).toEqual({ score: 1, status: 'correct' });
  });
  it('should give 1/k per correct pair', () => {
    const result = grade(key, pairs({ a: 'm1', b: 'm3', c: 'm3', d: 'm4' }));
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(2 / 4, 12);
  });
  it('should neither credit nor penalise a left item left blank', () => {
    expect(grade(key, pairs({ a: 'm1', b: '' })).score).toBeCloseTo(1 / 4, 12);
  });
  it('should ignore picks for left ids the key does not have', () => {
    expect(grade(key, pairs({ a: 'm1', zz: 'm1', yy: 'm2' })).score).toBeCloseTo(1 / 4, 12);
  });
  it('should give nothing when every pair is wrong', () => {
    expect(grade(key, pairs({ a: 'm2', b: 'm1', c: 'm1', d: 'm1' }))).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should treat no picks (or only blanks) as unanswered', () => {
    expect(grade(key, pairs({}))).toEqual({ score: 0, status: 'unanswered' });
    expect(grade(key, pairs({ a: '', b: '' }))).toEqual({ score: 0, status: 'unanswered' });
  });
  it('should score 0 against a broken key with no pairs', () => {
    expect(grade({ type: 'matching', pairs: [] }, pairs({ a: 'm1' }))).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should say which left items were right for the review', () => {
    expect(matchingVerdicts(key as Extract<AnswerKey, { type: 'matching' }>, pairs({ a: 'm1', b: 'm1' }))).toEqual({ a: true, b: false, c: false, d: false });
  });
});

describe('matching response validation', () => {
  it('should accept left id -> choice id, with "" for a blank', () => {
    expect(validateResponse('matching', { pairs: { a: 'm1', b: '' } })).toEqual({ ok: true, response: { type: 'matching', pairs: { a: 'm1', b: '' } } });
  });
  it('should refuse malformed pairs', () => {
    expect(validateResponse('matching', { pairs: [] }).ok).toBe(false);
    expect(validateResponse('matching', { pairs: { a: 3 } }).ok).toBe(false);
    expect(validateResponse('matching', { pairs: { 'A B': 'm1' } }).ok).toBe(false);
    expect(validateResponse('matching', JSON.parse('{"pairs":{"__proto__":"m1"}}')).ok).toBe(false);
    expect(validateResponse('matching', { pairs: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'm1'])) }).ok).toBe(false);
    expect(validateResponse('matching', { pairs: {}, order: [] }).ok).toBe(false);
  });
});
