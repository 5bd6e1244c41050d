import { summarizeSet } from './summary';

const item = (id: string, topic: string, type: string, difficulty: number, expectedSeconds: number) => ({ id, topic, type, difficulty, tags: [], expectedSeconds });

describe('summarizeSet', () => {
  it('should count difficulties, topics and types and add up expected time', () => {
    const summary = summarizeSet([
      item('a', 'sync', 'single', 3, 60),
      item('b', 'channels', 'code-output', 1, 120),
      item('c', 'channels', 'single', 3, 30),
    ]);
    expect(summary).toEqual({
      questions: 3,
      byDifficulty: { 1: 1, 3: 2 },
      byTopic: [
        ['channels', 2],
        ['sync', 1],
      ],
      byType: [
        ['single', 2],
        ['code-output', 1],
      ],
      expectedSeconds: 210,
    });
  });

  it('should summarise an empty set as zeros', () => {
    expect(summarizeSet([])).toEqual({ questions: 0, byDifficulty: {}, byTopic: [], byType: [], expectedSeconds: 0 });
  });
});
