import { grade } from './grade';
import type { AnswerKey } from './answer-key';

const single: AnswerKey = { type: 'single', correct: 'b' };
const multi: AnswerKey = { type: 'multi', correct: ['a', 'c', 'd'] };
const lines: AnswerKey = { type: 'code-lines', lines: [8, 12] };

describe('single choice grading', () => {
  it('should score 1 when the pick is the key', () => {
    expect(grade(single, { type: 'single', choice: 'b' })).toEqual({ score: 1, status: 'correct' });
  });
  it('should score 0 when the pick is another option', () => {
    expect(grade(single, { type: 'single', choice: 'a' })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should score 0 when the pick names no option at all', () => {
    expect(grade(single, { type: 'single', choice: 'zz' })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should compare option ids exactly, without case folding', () => {
    expect(grade(single, { type: 'single', choice: 'B' }).status).toBe('incorrect');
  });
  it('should treat an empty pick as unanswered', () => {
    expect(grade(single, { type: 'single', choice: '' })).toEqual({ score: 0, status: 'unanswered' });
  });
});

describe('multi choice grading', () => {
  it('should score 1 when exactly the correct options are picked', () => {
    expect(grade(multi, { type: 'multi', choices: ['d', 'a', 'c'] })).toEqual({ score: 1, status: 'correct' });
  });
  it('should give 1/k per correct pick when some correct options are missing', () => {
    const result = grade(multi, { type: 'multi', choices: ['a', 'c'] });
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(2 / 3, 12);
  });
  it('should take 1/k off for each wrong pick', () => {
    const result = grade(multi, { type: 'multi', choices: ['a', 'c', 'd', 'b'] });
    expect(result.status).toBe('partial');
    expect(result.score).toBeCloseTo(2 / 3, 12);
  });
  it('should floor the score at 0 when wrong picks outnumber right ones', () => {
    expect(grade(multi, { type: 'multi', choices: ['a', 'b', 'e', 'f'] })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should score 0 when every option is picked and wrong ones cancel the right ones', () => {
    const key: AnswerKey = { type: 'multi', correct: ['a', 'b'] };
    expect(grade(key, { type: 'multi', choices: ['a', 'b', 'c', 'd'] })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should count a duplicated correct pick once', () => {
    const result = grade(multi, { type: 'multi', choices: ['a', 'a', 'a'] });
    expect(result.score).toBeCloseTo(1 / 3, 12);
  });
  it('should count a duplicated wrong pick once', () => {
    const result = grade(multi, { type: 'multi', choices: ['a', 'c', 'b', 'b', 'b'] });
    expect(result.score).toBeCloseTo(1 / 3, 12);
  });
  it('should treat unknown option ids as wrong picks', () => {
    const result = grade(multi, { type: 'multi', choices: ['a', 'c', 'd', 'nope'] });
    expect(result.score).toBeCloseTo(2 / 3, 12);
  });
  it('should treat an empty pick list as unanswered', () => {
    expect(grade(multi, { type: 'multi', choices: [] })).toEqual({ score: 0, status: 'unanswered' });
  });
  it('should give full credit for a single-answer multi key picked alone', () => {
    const key: AnswerKey = { type: 'multi', correct: ['x'] };
    expect(grade(key, { type: 'multi', choices: ['x'] }).score).toBe(1);
  });
  it('should never exceed 1 even with a key that lists an id twice', () => {
    const key: AnswerKey = { type: 'multi', correct: ['a', 'a', 'b'] };
    expect(grade(key, { type: 'multi', choices: ['a', 'b'] })).toEqual({ score: 1, status: 'correct' });
  });
  it('should score 0 against a broken key with no correct options', () => {
    const key: AnswerKey = { type: 'multi', correct: [] };
    expect(grade(key, { type: 'multi', choices: ['a'] })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should stay linear on a huge list of picks', () => {
    const picks = Array.from({ length: 100_000 }, (_, i) => `x${i}`).concat(['a', 'c', 'd']);
    expect(grade(multi, { type: 'multi', choices: picks })).toEqual({ score: 0, status: 'incorrect' });
  });
});

describe('code-lines grading', () => {
  it('should score 1 when exactly the key lines are clicked in any order', () => {
    expect(grade(lines, { type: 'code-lines', lines: [12, 8] })).toEqual({ score: 1, status: 'correct' });
  });
  it('should give half credit for one of two key lines', () => {
    expect(grade(lines, { type: 'code-lines', lines: [8] })).toEqual({ score: 0.5, status: 'partial' });
  });
  it('should cancel a right line with a wrong one', () => {
    expect(grade(lines, { type: 'code-lines', lines: [8, 9] })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should count a line clicked twice once', () => {
    expect(grade(lines, { type: 'code-lines', lines: [8, 8, 12, 12] })).toEqual({ score: 1, status: 'correct' });
  });
  it('should treat no clicked line as unanswered', () => {
    expect(grade(lines, { type: 'code-lines', lines: [] }).status).toBe('unanswered');
  });
  it('should treat a fractional line number as a wrong pick', () => {
    expect(grade(lines, { type: 'code-lines', lines: [8, 12, 8.5] }).score).toBe(0.5);
  });
});
