import { mulberry32, randomIndex, type Rng } from './prng';

/** Fisher-Yates on a copy: every permutation equally likely for a uniform generator. */
export function shuffleWith<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const swap = out[i] as T;
    out[i] = out[j] as T;
    out[j] = swap;
  }
  return out;
}

/**
 * The same items in an order fixed by `seed` (e.g. question or option order of an attempt, so a
 * refresh shows the same order). The input is not modified.
 */
export function shuffleWithSeed<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, mulberry32(seed));
}
