import fc from 'fast-check';
import { gradeSet } from './choice';

const ids = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'zz'), { maxLength: 12 });
const key = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { minLength: 1, maxLength: 8 });

describe('set grading properties', () => {
  it('should always score within [0, 1]', () => {
    fc.assert(
      fc.property(key, ids, (correct, picks) => {
        const { score } = gradeSet(correct, picks);
        return score !== null && score >= 0 && score <= 1;
      }),
    );
  });

  it('should not depend on the order or repetition of picks', () => {
    fc.assert(
      fc.property(key, ids, (correct, picks) => {
        const shuffled = [...picks].reverse().concat(picks);
        expect(gradeSet(correct, shuffled)).toEqual(gradeSet(correct, picks));
      }),
    );
  });

  it('should never gain from adding a wrong pick', () => {
    fc.assert(
      fc.property(key, ids, (correct, picks) => {
        const wrong = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'zz'].find((id) => !correct.includes(id) && !picks.includes(id));
        fc.pre(wrong !== undefined && picks.length > 0);
        const before = gradeSet(correct, picks).score ?? 0;
        const after = gradeSet(correct, [...picks, wrong as string]).score ?? 0;
        return after <= before;
      }),
    );
  });

  it('should give full credit exactly for the key itself', () => {
    fc.assert(
      fc.property(key, ids, (correct, picks) => {
        const full = gradeSet(correct, picks).status === 'correct';
        const same = new Set(picks).size === correct.length && correct.every((id) => picks.includes(id));
        return full === same;
      }),
    );
  });
});
