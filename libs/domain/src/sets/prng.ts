/**
 * A seeded pseudo-random generator for reproducible draws. An attempt stores only its seed, so
 * this exact sequence is part of the stored data: changing the algorithm would silently change
 * which questions an old attempt "drew". The golden values in prng.spec.ts guard against that.
 */

/** Returns a float in [0, 1). */
export type Rng = () => number;

/**
 * A seed is an integer; it is reduced to 32 bits (mod 2^32) because that is the generator's state.
 * Non-integers are refused rather than truncated: 1.5 and 1 naming the same draw would be a trap.
 */
export function toSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return seed >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain): one 32-bit state word, period
 * 2^32, passes gjrand/PractRand well past what a few dozen draws per attempt need. Chosen because
 * it is tiny, has no dependencies, and its output is the same on every JavaScript engine
 * (only Math.imul and 32-bit integer operations).
 */
export function mulberry32(seed: number): Rng {
  let state = toSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An integer in [0, n). Scaling a 32-bit float has a bias of at most n / 2^32, far below anything a
 * set of a few hundred candidates could show, so rejection sampling is not worth its complexity.
 */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}
