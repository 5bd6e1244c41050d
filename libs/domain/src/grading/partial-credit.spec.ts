import type { AnswerKey } from './answer-key';
import { answerFeedback } from './feedback';
import { grade } from './grade';
import { matchWildcard, parseWildcard } from './wildcard';

describe('numeric keys with graded answers (Moodle model)', () => {
  // Born in 1822: exact is full credit, within two years half, anything else gets the catch-all feedback.
  const born: AnswerKey = {
    type: 'numeric',
    answer: 1822,
    tolerance: 0,
    answers: [
      { match: 'value', value: 1822, tolerance: 0, credit: 1, feedback: 'Exactly.' },
      { match: 'value', value: 1822, tolerance: 2, credit: 0.5, feedback: 'Close.' },
      { match: 'any', credit: 0, feedback: 'Completely wrong.' },
    ],
  };
  const at = (key: AnswerKey, value: number) => ({ result: grade(key, { type: 'numeric', value }), feedback: answerFeedback(key, { type: 'numeric', value }) });

  it('should give the best matching credit and its feedback', () => {
    expect(at(born, 1822)).toEqual({ result: { score: 1, status: 'correct' }, feedback: 'Exactly.' });
    expect(at(born, 1824)).toEqual({ result: { score: 0.5, status: 'partial' }, feedback: 'Close.' });
    expect(at(born, 1900)).toEqual({ result: { score: 0, status: 'incorrect' }, feedback: 'Completely wrong.' });
  });

  it('should let the best answer win even when a weaker one is listed first', () => {
    const reversed: AnswerKey = { ...born, answers: [...(born.type === 'numeric' && born.answers ? born.answers : [])].reverse() };
    expect(at(reversed, 1822)).toEqual({ result: { score: 1, status: 'correct' }, feedback: 'Exactly.' });
  });

  it('should keep the first listed rule on a tie of credit', () => {
    const tie: AnswerKey = {
      type: 'numeric',
      answer: 10,
      tolerance: 0,
      answers: [
        { match: 'value', value: 10, tolerance: 0, credit: 1 },
        { match: 'value', value: 3, tolerance: 0, credit: 0, feedback: 'That is the count of sends, not the capacity.' },
        { match: 'any', credit: 0, feedback: 'No.' },
      ],
    };
    expect(at(tie, 3).feedback).toBe('That is the count of sends, not the capacity.');
    expect(at(tie, 4).feedback).toBe('No.');
  });

  it('should match a closed range including both ends', () => {
    const range: AnswerKey = { type: 'numeric', answer: 3, tolerance: 2, answers: [{ match: 'range', min: 1, max: 5, credit: 1 }] };
    expect(at(range, 1).result.status).toBe('correct');
    expect(at(range, 5).result.status).toBe('correct');
    expect(at(range, 5.0001).result.status).toBe('incorrect');
    expect(at(range, 0.9).result.status).toBe('incorrect');
  });

  it('should accept an answer exactly on the edge of a decimal tolerance', () => {
    const pi: AnswerKey = { type: 'numeric', answer: 3.14, tolerance: 0.01, answers: [{ match: 'value', value: 3.14, tolerance: 0.01, credit: 1 }] };
    expect(at(pi, 3.15).result.status).toBe('correct');
  });

  it('should grade with the rules alone, not with answer/tolerance', () => {
    // answer/tolerance are display data once rules exist: a key whose rules give 0.5 must not score 1.
    const key: AnswerKey = { type: 'numeric', answer: 7, tolerance: 0, answers: [{ match: 'value', value: 7, tolerance: 0, credit: 0.5 }] };
    expect(at(key, 7).result).toEqual({ score: 0.5, status: 'partial' });
  });

  it('should give no credit and no feedback when nothing matches and there is no catch-all', () => {
    const key: AnswerKey = { type: 'numeric', answer: 7, tolerance: 0, answers: [{ match: 'value', value: 7, tolerance: 0, credit: 1, feedback: 'Yes.' }] };
    expect(at(key, 8)).toEqual({ result: { score: 0, status: 'incorrect' }, feedback: undefined });
  });

  it('should clamp broken credits and ignore broken ranges', () => {
    const key: AnswerKey = {
      type: 'numeric',
      answer: 1,
      tolerance: 0,
      answers: [
        { match: 'value', value: 1, tolerance: 0, credit: 7 },
        { match: 'range', min: 9, max: 2, credit: 1 },
        { match: 'value', value: 4, tolerance: Number.NaN, credit: Number.NaN },
      ],
    };
    expect(at(key, 1).result).toEqual({ score: 1, status: 'correct' });
    expect(at(key, 5).result.status).toBe('incorrect');
    expect(at(key, 4).result).toEqual({ score: 0, status: 'incorrect' });
  });

  it('should not grade non-finite responses', () => {
    expect(at(born, Number.POSITIVE_INFINITY).result.status).toBe('incorrect');
    expect(answerFeedback(born, { type: 'numeric', value: Number.NaN })).toBeUndefined();
  });
});

describe('short keys with graded answers (Moodle model)', () => {
  const animal: AnswerKey = {
    type: 'short',
    accepted: ['cat'],
    caseSensitive: false,
    answers: [
      { text: 'cat', credit: 1, feedback: 'Right.' },
      { text: 'kit*', credit: 0.5, feedback: 'A young one.' },
      { text: '*', credit: 0, feedback: 'Not an animal we asked about.' },
    ],
  };
  const say = (key: AnswerKey, text: string) => ({ result: grade(key, { type: 'short', text }), feedback: answerFeedback(key, { type: 'short', text }) });

  it('should grade each answer with its own credit and feedback', () => {
    expect(say(animal, ' CAT ')).toEqual({ result: { score: 1, status: 'correct' }, feedback: 'Right.' });
    expect(say(animal, 'kitten')).toEqual({ result: { score: 0.5, status: 'partial' }, feedback: 'A young one.' });
    expect(say(animal, 'dog')).toEqual({ result: { score: 0, status: 'incorrect' }, feedback: 'Not an animal we asked about.' });
  });

  it('should keep blank text unanswered even with a catch-all', () => {
    expect(say(animal, '  ')).toEqual({ result: { score: 0, status: 'unanswered' }, feedback: undefined });
  });

  it('should honour case sensitivity', () => {
    const key: AnswerKey = { type: 'short', accepted: [], caseSensitive: true, answers: [{ text: 'GO*', credit: 1 }] };
    expect(say(key, 'GOMAXPROCS').result.status).toBe('correct');
    expect(say(key, 'gomaxprocs').result.status).toBe('incorrect');
  });

  it('should read \\* as a literal star', () => {
    const key: AnswerKey = { type: 'short', accepted: [], caseSensitive: false, answers: [{ text: 'a\\*b', credit: 1 }] };
    expect(say(key, 'a*b').result.status).toBe('correct');
    expect(say(key, 'axxb').result.status).toBe('incorrect');
  });

  it('should grade with the rules alone, not with accepted', () => {
    const key: AnswerKey = { type: 'short', accepted: ['mutex'], caseSensitive: false, answers: [{ text: 'rwmutex', credit: 1 }] };
    expect(say(key, 'mutex').result.status).toBe('incorrect');
  });
});

describe('Moodle wildcard matching', () => {
  const m = (pattern: string, text: string) => matchWildcard(parseWildcard(pattern), text);

  it('should match stars at the start, middle and end, also against nothing', () => {
    expect(m('*race', '-race')).toBe(true);
    expect(m('go*build', 'gobuild')).toBe(true);
    expect(m('go*build', 'go vet build')).toBe(true);
    expect(m('go*', 'go')).toBe(true);
    expect(m('*', '')).toBe(true);
    expect(m('go*build', 'go vet')).toBe(false);
  });

  it('should not let pieces overlap the fixed prefix and suffix', () => {
    expect(m('ab*ba', 'aba')).toBe(false);
    expect(m('ab*ba', 'abba')).toBe(true);
    expect(m('a*b*a', 'aba')).toBe(true);
    expect(m('a*b*c', 'acb')).toBe(false);
  });

  it('should treat a run of stars as one and stay fast on adversarial input', () => {
    expect(m('a***b', 'axb')).toBe(true);
    const pattern = `${'a*'.repeat(40)}b`;
    const started = Date.now();
    expect(m(pattern, 'a'.repeat(1000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('should compare literally without stars', () => {
    expect(m('a.b', 'a.b')).toBe(true);
    expect(m('a.b', 'axb')).toBe(false);
  });
});
