import type { SetItem } from '../question-sets/set-items';
import { planItems } from './attempt-plan';

const items: SetItem[] = [
  { kind: 'fixed', questionId: 'q-a', versionId: 'v-a', points: 2 },
  { kind: 'pool', topic: 'channels', count: 2, difficulty: [1, 5], points: 1.5 },
  { kind: 'fixed', questionId: 'q-b', versionId: 'v-b', points: 1 },
  { kind: 'pool', topic: 'gc-tuning', count: 1, difficulty: [3, 5], points: 3 },
];
const options = (versionId: string) => (versionId === 'v-a' ? ['x', 'y'] : null);

describe('planItems', () => {
  it('should keep fixed items in place and put each pool draw where the pool is, with the pool points', () => {
    const planned = planItems(items, options, [
      [
        { versionId: 'p1', optionIds: ['a', 'b'] },
        { versionId: 'p2', optionIds: null },
      ],
      [{ versionId: 'p3', optionIds: null }],
    ]);
    expect(planned).toEqual([
      { versionId: 'v-a', optionIds: ['x', 'y'], points: 2 },
      { versionId: 'p1', optionIds: ['a', 'b'], points: 1.5 },
      { versionId: 'p2', optionIds: null, points: 1.5 },
      { versionId: 'v-b', optionIds: null, points: 1 },
      { versionId: 'p3', optionIds: null, points: 3 },
    ]);
  });

  it('should refuse a pool that drew fewer questions than it asks for, rather than shift the positions', () => {
    expect(() => planItems(items, options, [[{ versionId: 'p1', optionIds: null }], [{ versionId: 'p3', optionIds: null }]])).toThrow(RangeError);
  });

  it('should give a set of fixed items only exactly those items', () => {
    expect(planItems([items[0]!, items[2]!], options, []).map((i) => i.versionId)).toEqual(['v-a', 'v-b']);
  });
});
