import { join } from 'node:path';
import { loadBank } from '../parse/load-bank';
import { bankStats } from './bank-stats';

const valid = join(__dirname, '..', '__fixtures__', 'valid-bank');

describe('bankStats', () => {
  it('should count questions per topic, type and difficulty, code and verifiable ones', () => {
    const stats = bankStats(loadBank(valid));
    expect(stats).toMatchObject({ questions: 12, codeQuestions: 2, verifiable: 2 });
    expect(stats.byTopic).toMatchObject({ channels: 11, 'memory-model': 1, sync: 0 });
    expect(stats.byType).toEqual({
      single: 2,
      multi: 1,
      'true-false': 1,
      short: 1,
      numeric: 1,
      'code-output': 1,
      'code-lines': 1,
      essay: 1,
      flashcard: 1,
      'code-task': 0,
      matching: 1,
      ordering: 1,
    });
    expect(stats.byDifficulty).toEqual({ 1: 0, 2: 12, 3: 0, 4: 0, 5: 0 });
  });

  it('should count drafts only when they are loaded', () => {
    expect(bankStats(loadBank(valid, { includeDrafts: true })).questions).toBe(13);
  });

  it('should accept a plain list of questions and an empty bank', () => {
    expect(bankStats([]).questions).toBe(0);
    expect(Object.keys(bankStats([]).byTopic)).toHaveLength(12);
  });
});
