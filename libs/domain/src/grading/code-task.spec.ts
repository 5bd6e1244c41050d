import { grade } from './grade';
import { gradeFromJudge } from './code-task';
import { validateResponse } from './validate-response';

const partial = { type: 'code-task', scoring: 'partial' } as const;
const all = { type: 'code-task', scoring: 'all' } as const;

describe('code-task grading', () => {
  it('leaves written code pending until the judge has run', () => {
    expect(grade(partial, { type: 'code-task', files: { 'cache.go': 'package cache\n' } })).toEqual({ score: null, status: 'pending' });
  });

  it('treats blank files as unanswered', () => {
    expect(grade(partial, { type: 'code-task', files: { 'cache.go': '  \n' } }).status).toBe('unanswered');
  });

  it('scores partial tasks by the share of hidden tests passed', () => {
    expect(gradeFromJudge(partial, { verdict: 'failed', score: 0.75 })).toEqual({ score: 0.75, status: 'partial' });
    expect(gradeFromJudge(partial, { verdict: 'passed', score: 1 })).toEqual({ score: 1, status: 'correct' });
  });

  it('gives all-or-nothing tasks nothing for a partial pass', () => {
    expect(gradeFromJudge(all, { verdict: 'failed', score: 0.9 })).toEqual({ score: 0, status: 'incorrect' });
    expect(gradeFromJudge(all, { verdict: 'passed', score: 1 }).score).toBe(1);
  });

  it('gives nothing to compile errors, rejections and limit kills whatever their score', () => {
    for (const verdict of ['compile-error', 'rejected', 'time-limit', 'memory-limit', 'output-limit', 'internal-error']) {
      expect(gradeFromJudge(partial, { verdict, score: 1 }).score).toBe(0);
    }
  });
});

describe('code-task responses', () => {
  it('accepts editable Go files', () => {
    expect(validateResponse('code-task', { files: { 'cache.go': 'package cache\n' } })).toEqual({
      ok: true,
      response: { type: 'code-task', files: { 'cache.go': 'package cache\n' } },
    });
  });

  it.each([
    [{ files: { 'x_test.go': '' } }, 'invalid file name'],
    [{ files: { '../x.go': '' } }, 'invalid file name'],
    [{ files: { 'x.go': 3 } }, 'must be a string'],
    [{ files: [] }, 'must be an object'],
    [{ files: {}, extra: 1 }, 'unexpected field'],
  ])('refuses %j', (value, message) => {
    const result = validateResponse('code-task', value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
