import { pickByKey } from './responses';
import { randomUuid } from '@/lib/random-uuid';

describe('drill answers by key', () => {
  const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('should pick a single choice by its number and ignore numbers without an option', () => {
    expect(pickByKey({ type: 'single', options }, null, 2)).toEqual({ type: 'single', choice: 'b' });
    expect(pickByKey({ type: 'single', options }, null, 4)).toBeUndefined();
  });

  it('should toggle multiple choices in the options’ order', () => {
    const first = pickByKey({ type: 'multi', options }, null, 3);
    expect(pickByKey({ type: 'multi', options }, first ?? null, 1)).toEqual({ type: 'multi', choices: ['a', 'c'] });
    expect(pickByKey({ type: 'multi', options }, { type: 'multi', choices: ['a', 'c'] }, 3)).toEqual({ type: 'multi', choices: ['a'] });
  });

  it('should map 1 and 2 to true and false, and nothing to text questions', () => {
    expect(pickByKey({ type: 'true-false' }, null, 1)).toEqual({ type: 'true-false', value: true });
    expect(pickByKey({ type: 'true-false' }, null, 2)).toEqual({ type: 'true-false', value: false });
    expect(pickByKey({ type: 'true-false' }, null, 3)).toBeUndefined();
    expect(pickByKey({ type: 'short' }, null, 1)).toBeUndefined();
  });

  it('should make a fresh v4 UUID for every review', () => {
    const a = randomUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUuid()).not.toBe(a);
  });
});
