import { CORE_TOPICS, type TopicId } from '@goprep/domain';
import { loadBank } from './parse/load-bank';

/**
 * The minimums the product promises for the committed bank (issue 4): questions per topic, of
 * which code-reading questions (code-output / code-lines) proven by the verifier, and a hard share.
 */
const MINIMUMS: Record<TopicId, { questions: number; code: number }> = {
  'memory-model': { questions: 40, code: 20 },
  'goroutine-leaks': { questions: 40, code: 20 },
  'gc-tuning': { questions: 40, code: 12 },
  'trace-sampling': { questions: 40, code: 10 },
  scheduler: { questions: 15, code: 6 },
  channels: { questions: 15, code: 6 },
  'escape-analysis': { questions: 15, code: 6 },
  pprof: { questions: 15, code: 6 },
  context: { questions: 15, code: 6 },
  sync: { questions: 15, code: 6 },
  observability: { questions: 12, code: 3 },
  kubernetes: { questions: 12, code: 3 },
};

describe('the committed bank', () => {
  const bank = loadBank();

  it('should load without problems', () => {
    expect(bank.problems).toEqual([]);
  });

  it.each(Object.entries(MINIMUMS))('should hold the promised amounts for %s', (topic, min) => {
    const questions = bank.questions.filter((q) => q.topic === topic);
    const code = questions.filter((q) => q.type === 'code-output' || q.type === 'code-lines');
    expect(questions.length).toBeGreaterThanOrEqual(min.questions);
    expect(code.length).toBeGreaterThanOrEqual(min.code);
    expect(code.every((q) => q.verify.length > 0)).toBe(true);
  });

  it.each(CORE_TOPICS.map((t) => [t]))('should span difficulties 1-5 with at least a third at 4-5 in %s', (topic) => {
    const questions = bank.questions.filter((q) => q.topic === topic);
    const levels = new Set(questions.map((q) => q.difficulty));
    expect([...levels].sort()).toEqual([1, 2, 3, 4, 5]);
    const hard = questions.filter((q) => q.difficulty >= 4).length;
    expect(hard * 3).toBeGreaterThanOrEqual(questions.length);
  });

  it('should give every question references, tags and an expected time', () => {
    const incomplete = bank.questions
      .filter((q) => q.references.length === 0 || q.tags.length === 0 || !(q.expectedSeconds > 0))
      .map((q) => q.id);
    expect(incomplete).toEqual([]);
  });
});
