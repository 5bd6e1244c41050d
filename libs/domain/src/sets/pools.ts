import { mulberry32, randomIndex, type Rng } from './prng';

/**
 * Random pools of a question set ("n questions of topic t, difficulty a..b, these types, none of
 * these tags") and the draw that fills them. Pure: the caller passes the candidates (the loaded
 * bank, or the pinned question versions of an attempt) and a seed, and stores the seed.
 */

/** What a pool selects from. Question objects with more fields can be passed as they are. */
export interface PoolCandidate {
  id: string;
  topic: string;
  type: string;
  difficulty: number;
  tags: readonly string[];
  expectedSeconds: number;
}

export interface QuestionPool {
  topic: string;
  count: number;
  /** Inclusive bounds. */
  difficulty: readonly [min: number, max: number];
  /** Allowed types; absent = any type. */
  types?: readonly string[];
  /** A candidate carrying any of these tags is not eligible. */
  excludeTags?: readonly string[];
}

/** A pool that cannot be filled: `drawn` < `wanted` is reported, never passed off as a full set. */
export interface PoolShortfall {
  /** Index of the pool in the `pools` argument. */
  pool: number;
  topic: string;
  wanted: number;
  drawn: number;
  /**
   * Candidates matching the pool's filters. `eligible >= wanted` with a shortfall means other
   * pools need the same questions (e.g. a code pool and a general pool of one topic).
   */
  eligible: number;
}

export interface PoolDraw<C extends PoolCandidate> {
  /** Every drawn candidate, pool by pool (pool 0 first); shuffle for presentation if wanted. */
  items: C[];
  /** The candidates each pool drew, by pool index. */
  byPool: C[][];
  /** Pools that could not be filled; empty when the set is complete. */
  shortfalls: PoolShortfall[];
}

export function isEligible(pool: QuestionPool, candidate: PoolCandidate): boolean {
  const [min, max] = pool.difficulty;
  return (
    candidate.topic === pool.topic &&
    candidate.difficulty >= min &&
    candidate.difficulty <= max &&
    (pool.types === undefined || pool.types.includes(candidate.type)) &&
    !(pool.excludeTags ?? []).some((tag) => candidate.tags.includes(tag))
  );
}

function validatePool(pool: QuestionPool, index: number): void {
  const [min, max] = pool.difficulty;
  if (!Number.isInteger(pool.count) || pool.count < 0) throw new RangeError(`pool ${index}: count must be a non-negative integer`);
  if (!(min <= max)) throw new RangeError(`pool ${index}: difficulty [${min}, ${max}] is empty`);
}

/** Code-unit order, not localeCompare: the order must not depend on the runtime's locale data. */
const byId = (a: PoolCandidate, b: PoolCandidate): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sortedUnique<C extends PoolCandidate>(candidates: readonly C[]): C[] {
  const sorted = [...candidates].sort(byId);
  for (let i = 1; i < sorted.length; i++) {
    // One id twice would make "the same candidates" ambiguous and break reproducibility.
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new RangeError(`duplicate candidate id "${sorted[i]?.id}"`);
  }
  return sorted;
}

/**
 * Draws `count` candidates for each pool, never the same candidate twice in the set.
 *
 * Deterministic for a given seed and candidate set: candidates are sorted by id first, so the
 * order they are passed in (database row order, file system order) does not matter.
 *
 * Each pool first draws uniformly at random from its eligible, still unused candidates, in pool
 * order. Pools can compete (a general pool may take the code questions a later code-only pool
 * needs), so a pool left short then looks for an augmenting path: a question held by another pool
 * that that pool can trade for an unused one. This is Kuhn's matching algorithm, so a shortfall is
 * reported only when no assignment of candidates to pools could fill it - whatever the seed.
 */
export function drawFromPools<C extends PoolCandidate>(pools: readonly QuestionPool[], candidates: readonly C[], seed: number): PoolDraw<C> {
  pools.forEach(validatePool);
  const sorted = sortedUnique(candidates);
  const rng = mulberry32(seed);
  const eligible = pools.map((pool) => sorted.filter((candidate) => isEligible(pool, candidate)));
  const owner = new Map<string, number>();
  const byPool: C[][] = pools.map(() => []);

  pools.forEach((pool, index) => {
    const free = (eligible[index] ?? []).filter((candidate) => !owner.has(candidate.id));
    for (const candidate of sample(free, pool.count, rng)) {
      owner.set(candidate.id, index);
      byPool[index]?.push(candidate);
    }
  });

  const shortfalls: PoolShortfall[] = [];
  pools.forEach((pool, index) => {
    // Each augmentation adds one question to this pool and keeps every other pool's size.
    while ((byPool[index]?.length ?? 0) < pool.count) {
      if (!augment(index, new Set([index]), eligible, owner, byPool)) break;
    }
    const drawn = byPool[index]?.length ?? 0;
    if (drawn < pool.count) {
      shortfalls.push({ pool: index, topic: pool.topic, wanted: pool.count, drawn, eligible: eligible[index]?.length ?? 0 });
    }
  });
  return { items: byPool.flat(), byPool, shortfalls };
}

/** `k` distinct items chosen uniformly (a partial Fisher-Yates on a copy), in draw order. */
function sample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomIndex(rng, pool.length - i);
    const swap = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = swap;
  }
  return pool.slice(0, n);
}

/**
 * Gives pool `index` one more candidate: an unused eligible one, or one held by another pool that
 * (recursively) takes a replacement. `visited` holds pools already on the path, which is enough
 * for correctness: a taken candidate leads to exactly one pool, its owner.
 */
function augment<C extends PoolCandidate>(
  index: number,
  visited: Set<number>,
  eligible: readonly C[][],
  owner: Map<string, number>,
  byPool: C[][],
): boolean {
  const mine = eligible[index] ?? [];
  const take = (candidate: C): true => {
    owner.set(candidate.id, index);
    byPool[index]?.push(candidate);
    return true;
  };
  const unused = mine.find((candidate) => !owner.has(candidate.id));
  if (unused) return take(unused);
  for (const candidate of mine) {
    const holder = owner.get(candidate.id);
    if (holder === undefined || visited.has(holder)) continue;
    visited.add(holder);
    if (augment(holder, visited, eligible, owner, byPool)) {
      // The holder has just taken a replacement; hand this candidate over.
      const held = byPool[holder] ?? [];
      held.splice(held.indexOf(candidate), 1);
      return take(candidate);
    }
  }
  return false;
}
