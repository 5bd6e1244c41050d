import { grade } from './grade';
import type { AnswerKey } from './answer-key';
import { manualGrade } from './manual';

describe('true-false grading', () => {
  const key: AnswerKey = { type: 'true-false', answer: false };
  it('should score 1 when the value is the key', () => {
    expect(grade(key, { type: 'true-false', value: false })).toEqual({ score: 1, status: 'correct' });
  });
  it('should score 0 when the value is the opposite', () => {
    expect(grade(key, { type: 'true-false', value: true })).toEqual({ score: 0, status: 'incorrect' });
  });
});

describe('numeric grading', () => {
  const pi: AnswerKey = { type: 'numeric', answer: 3.14, tolerance: 0.01 };
  const exact: AnswerKey = { type: 'numeric', answer: 64, tolerance: 0 };
  it('should accept the exact key', () => {
    expect(grade(exact, { type: 'numeric', value: 64 }).status).toBe('correct');
  });
  it('should reject a value off by one with zero tolerance', () => {
    expect(grade(exact, { type: 'numeric', value: 65 }).status).toBe('incorrect');
  });
  it('should accept a value inside the tolerance', () => {
    expect(grade(pi, { type: 'numeric', value: 3.145 }).status).toBe('correct');
  });
  it('should accept values exactly on both edges of the tolerance despite binary rounding', () => {
    expect(grade(pi, { type: 'numeric', value: 3.15 }).status).toBe('correct');
    expect(grade(pi, { type: 'numeric', value: 3.13 }).status).toBe('correct');
  });
  it('should reject a value just outside the tolerance', () => {
    expect(grade(pi, { type: 'numeric', value: 3.1501 }).status).toBe('incorrect');
    expect(grade(pi, { type: 'numeric', value: 3.1299 }).status).toBe('incorrect');
  });
  it('should accept 0.1 + 0.2 for a key of 0.3 with zero tolerance', () => {
    const key: AnswerKey = { type: 'numeric', answer: 0.3, tolerance: 0 };
    expect(grade(key, { type: 'numeric', value: 0.1 + 0.2 }).status).toBe('correct');
  });
  it('should reject NaN', () => {
    expect(grade(pi, { type: 'numeric', value: Number.NaN })).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should reject positive and negative Infinity even with a huge tolerance', () => {
    const wide: AnswerKey = { type: 'numeric', answer: 0, tolerance: Number.MAX_VALUE };
    expect(grade(wide, { type: 'numeric', value: Infinity }).status).toBe('incorrect');
    expect(grade(wide, { type: 'numeric', value: -Infinity }).status).toBe('incorrect');
  });
  it('should not let an infinite tolerance in a broken key accept everything', () => {
    const broken: AnswerKey = { type: 'numeric', answer: 1, tolerance: Infinity };
    expect(grade(broken, { type: 'numeric', value: 1e9 }).status).toBe('incorrect');
    expect(grade(broken, { type: 'numeric', value: 1 }).status).toBe('correct');
  });
  it('should treat a negative tolerance in a broken key as zero', () => {
    const broken: AnswerKey = { type: 'numeric', answer: 5, tolerance: -1 };
    expect(grade(broken, { type: 'numeric', value: 5 }).status).toBe('correct');
    expect(grade(broken, { type: 'numeric', value: 5.5 }).status).toBe('incorrect');
  });
  it('should reject everything against a NaN key', () => {
    const broken: AnswerKey = { type: 'numeric', answer: Number.NaN, tolerance: 1 };
    expect(grade(broken, { type: 'numeric', value: 0 }).status).toBe('incorrect');
  });
  it('should handle negative keys and large magnitudes', () => {
    const key: AnswerKey = { type: 'numeric', answer: -2.5e9, tolerance: 1e6 };
    expect(grade(key, { type: 'numeric', value: -2.5009e9 }).status).toBe('correct');
    expect(grade(key, { type: 'numeric', value: 2.5e9 }).status).toBe('incorrect');
  });
});

describe('essay grading', () => {
  const key: AnswerKey = { type: 'essay', rubric: ['names the happens-before edge'] };
  it('should leave a written essay pending for a person', () => {
    expect(grade(key, { type: 'essay', text: 'The send happens before the receive completes.' })).toEqual({
      score: null,
      status: 'pending',
    });
  });
  it('should treat a blank essay as unanswered', () => {
    expect(grade(key, { type: 'essay', text: ' \n\t ' })).toEqual({ score: 0, status: 'unanswered' });
  });
});

describe('manual grades', () => {
  it('should record a full mark as correct', () => {
    expect(manualGrade(1)).toEqual({ score: 1, status: 'correct' });
  });
  it('should record a fraction as partial', () => {
    expect(manualGrade(0.5)).toEqual({ score: 0.5, status: 'partial' });
  });
  it('should clamp out-of-range grades', () => {
    expect(manualGrade(3)).toEqual({ score: 1, status: 'correct' });
    expect(manualGrade(-1)).toEqual({ score: 0, status: 'incorrect' });
  });
  it('should refuse NaN', () => {
    expect(() => manualGrade(Number.NaN)).toThrow(RangeError);
  });
});

describe('flashcard grading', () => {
  const key: AnswerKey = { type: 'flashcard', answer: 'GOMEMLIMIT' };
  it('should never score a flashcard', () => {
    for (const rating of [1, 2, 3, 4] as const) {
      expect(grade(key, { type: 'flashcard', selfRating: rating }).score).toBeNull();
    }
  });
  it('should mark Again as a miss and the other ratings as known', () => {
    expect(grade(key, { type: 'flashcard', selfRating: 1 }).status).toBe('incorrect');
    expect(grade(key, { type: 'flashcard', selfRating: 2 }).status).toBe('correct');
    expect(grade(key, { type: 'flashcard', selfRating: 4 }).status).toBe('correct');
  });
  it('should leave an unrated card unanswered and unscored', () => {
    expect(grade(key, { type: 'flashcard' })).toEqual({ score: null, status: 'unanswered' });
    expect(grade(key, undefined)).toEqual({ score: null, status: 'unanswered' });
  });
});

describe('grade dispatcher', () => {
  const keys: AnswerKey[] = [
    { type: 'single', correct: 'a' },
    { type: 'multi', correct: ['a'] },
    { type: 'true-false', answer: true },
    { type: 'short', accepted: ['x'], caseSensitive: false },
    { type: 'numeric', answer: 1, tolerance: 0 },
    { type: 'code-output', outputs: ['x\n'] },
    { type: 'code-lines', lines: [1] },
    { type: 'essay', rubric: [] },
  ];
  it.each(keys.map((key) => [key.type, key]))('should mark a missing %s response unanswered with score 0', (_t, key) => {
    expect(grade(key, undefined)).toEqual({ score: 0, status: 'unanswered' });
  });
  it('should give no credit to a response of another type than the key', () => {
    expect(grade({ type: 'single', correct: 'a' }, { type: 'multi', choices: ['a'] })).toEqual({
      score: 0,
      status: 'incorrect',
    });
    expect(grade({ type: 'true-false', answer: true }, { type: 'short', text: 'true' }).status).toBe('incorrect');
  });
});
