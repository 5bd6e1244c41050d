/**
 * Item analysis from running sums (issue 17): the figures of statistics.ts, computed from what the
 * API keeps per set version and updates when an attempt is graded or regraded, instead of from
 * every attempt. Everything here is additive over attempts, so one attempt's contribution can be
 * added at submit and subtracted when a grade changes:
 *
 * - per (question, slot, points): n, sum of scores, sum of rest-of-test scores and the sum of
 *   their products (the covariance the discrimination index needs);
 * - per (question, slot, points) the histogram of item scores and of rest-of-test scores: the
 *   variances are taken from them around the mean (as the direct computation does), and the
 *   discriminative efficiency needs both columns sorted, which no fixed set of sums gives;
 * - per set version the histogram of (total, max total) and the count of attempts still pending;
 * - per question the breakdown counts (options chosen, pairs matched, positions in order).
 *
 * A histogram has one row per distinct value, so a read costs the number of distinct scores, not
 * the number of attempts (a 20-item set scored in whole points has at most 21 rest values).
 */
import type { AnswerKey } from '../grading/answer-key';
import { longestOrderedSubset } from '../grading/ordering';
import type { QuestionResponse } from '../grading/response';
import { clamp, isZeroVariance, none, ok, withVerdict, type ItemStatistics, type SetStatistics, type StatNullReason } from './statistics';

/** The running sums of one (question, slot, points) cell. */
export interface ItemSumCell {
  questionKey: string;
  slot: number;
  points: number;
  n: number;
  sumScore: number;
  sumRest: number;
  sumScoreRest: number;
}

/** How many observations of a cell had this item score ('score') or rest-of-test score ('rest'). */
export interface ItemValueCount {
  questionKey: string;
  slot: number;
  points: number;
  kind: 'score' | 'rest';
  value: number;
  count: number;
}

/** How many counted attempts had this total out of this maximum. */
export interface TotalCount {
  total: number;
  maxTotal: number;
  count: number;
}

export interface ItemSums {
  cells: readonly ItemSumCell[];
  values: readonly ItemValueCount[];
  totals: readonly TotalCount[];
}

/** A breakdown cell: an option chosen, a pair matched, an item placed in order or at its exact position. */
export type BreakdownKind = 'option' | 'pair' | 'in-order' | 'exact';

export interface BreakdownCell {
  kind: BreakdownKind;
  /** The option id (choice), the left item id (matching), the 0-based key position (ordering). */
  key: string;
}

/**
 * What one answer adds to its question's breakdown: each option chosen (single, multi); each left
 * item paired with its key's right-hand choice (matching); for each key position of an ordering
 * question, whether its item is in the longest ordered subset (what grading credits and the review
 * marks right) and whether it sits exactly at its key position. Other types have no breakdown.
 */
export function breakdownCells(key: AnswerKey, response: QuestionResponse | null | undefined): BreakdownCell[] {
  if (!response || response.type !== key.type) return [];
  if (key.type === 'single' && response.type === 'single') return response.choice ? [{ kind: 'option', key: response.choice }] : [];
  if (key.type === 'multi' && response.type === 'multi') return [...new Set(response.choices)].map((id) => ({ kind: 'option', key: id }));
  if (key.type === 'matching' && response.type === 'matching') {
    return key.pairs.filter((pair) => response.pairs[pair.left] === pair.right).map((pair) => ({ kind: 'pair', key: pair.left }));
  }
  if (key.type === 'ordering' && response.type === 'ordering') {
    const cells: BreakdownCell[] = [];
    const inSubset = new Set(longestOrderedSubset(key.order, response.order).map((at) => response.order[at]));
    // A subset of one item earns nothing (gradeOrdering), so no item of it counts as in order.
    const credited = inSubset.size >= 2;
    key.order.forEach((id, position) => {
      if (credited && inSubset.has(id)) cells.push({ kind: 'in-order', key: String(position) });
      if (response.order[position] === id) cells.push({ kind: 'exact', key: String(position) });
    });
    return cells;
  }
  return [];
}

interface Run {
  value: number;
  count: number;
}

/** Merges equal values and sorts ascending. */
function histogram(runs: readonly Run[]): Run[] {
  const byValue = new Map<number, number>();
  for (const r of runs) if (r.count !== 0) byValue.set(r.value, (byValue.get(r.value) ?? 0) + r.count);
  return [...byValue.entries()].filter(([, c]) => c > 0).map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

const countOf = (h: readonly Run[]): number => h.reduce((acc, r) => acc + r.count, 0);
const sumOf = (h: readonly Run[]): number => h.reduce((acc, r) => acc + r.count * r.value, 0);
/** Sum of squared deviations from `m`, over the histogram. */
const squares = (h: readonly Run[], m: number): number => h.reduce((acc, r) => acc + r.count * (r.value - m) ** 2, 0);
const values = (h: readonly Run[]): number[] => h.map((r) => r.value);

/** Sum over ranks of (x_(i) - mx)(y_(i) - my) with both columns sorted: the largest co-sum of the two. */
function sortedCoSum(xs: readonly Run[], ys: readonly Run[], mx: number, my: number): number {
  let acc = 0;
  let i = 0;
  let j = 0;
  let leftX = xs[0]?.count ?? 0;
  let leftY = ys[0]?.count ?? 0;
  while (i < xs.length && j < ys.length) {
    const take = Math.min(leftX, leftY);
    acc += take * ((xs[i] as Run).value - mx) * ((ys[j] as Run).value - my);
    leftX -= take;
    leftY -= take;
    if (leftX === 0) leftX = xs[++i]?.count ?? 0;
    if (leftY === 0) leftY = ys[++j]?.count ?? 0;
  }
  return acc;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function itemFromSums(key: string, cells: readonly ItemSumCell[], valueRows: readonly ItemValueCount[]): ItemStatistics {
  const live = cells.filter((c) => c.n > 0);
  const n = live.reduce((acc, c) => acc + c.n, 0);
  const maxScore = n === 0 ? 0 : Math.max(...live.map((c) => c.points));
  // Scores of a cell worth fewer points are put on the item's largest scale, as statistics.ts does.
  const scale = (points: number): number => (points === maxScore || points === 0 ? 1 : maxScore / points);
  const cellKey = (slot: number, points: number): string => `${slot}|${points}`;
  const scales = new Map(live.map((c) => [cellKey(c.slot, c.points), scale(c.points)] as const));
  const x = histogram(
    valueRows.filter((v) => v.kind === 'score' && scales.has(cellKey(v.slot, v.points))).map((v) => ({ value: v.value * (scales.get(cellKey(v.slot, v.points)) ?? 1), count: v.count })),
  );
  const rest = histogram(valueRows.filter((v) => v.kind === 'rest' && scales.has(cellKey(v.slot, v.points))).map((v) => ({ value: v.value, count: v.count })));
  const sumX = live.reduce((acc, c) => acc + scale(c.points) * c.sumScore, 0);
  const sumXR = live.reduce((acc, c) => acc + scale(c.points) * c.sumScoreRest, 0);
  const sumR = live.reduce((acc, c) => acc + c.sumRest, 0);
  const base: ItemStatistics = {
    key,
    slots: [...new Set(live.map((c) => c.slot))].sort((a, b) => a - b),
    attempts: n,
    meanScore: n === 0 ? null : sumX / n,
    maxScore,
    facility: none('no-attempts'),
    standardDeviation: none('no-attempts'),
    discriminationIndex: none('no-attempts'),
    discriminativeEfficiency: none('no-attempts'),
    flags: [],
    needsChecking: false,
    verdict: 'not-enough-attempts',
  };
  if (n === 0) return base;
  const mx = sumX / n;
  const mr = sumR / n;
  base.facility = maxScore > 0 ? ok((100 * mx) / maxScore) : none('zero-max');
  if (n < 2) {
    base.standardDeviation = none('too-few-attempts');
    base.discriminationIndex = none('too-few-attempts');
    base.discriminativeEfficiency = none('too-few-attempts');
    return withVerdict(base);
  }
  const vx = squares(x, mx) / (n - 1);
  const vRest = squares(rest, mr) / (n - 1);
  base.standardDeviation = maxScore > 0 ? ok((100 * Math.sqrt(vx)) / maxScore) : none('zero-max');
  const itemFlat = isZeroVariance(vx, values(x));
  const restFlat = isZeroVariance(vRest, values(rest));
  // The one figure taken from raw sums: sum (x - mx)(r - mr) = sum xr - n mx mr.
  const cov = (sumXR - n * mx * mr) / (n - 1);
  const covMax = sortedCoSum(x, rest, mx, mr) / (n - 1);
  const flat: StatNullReason | null = itemFlat ? 'zero-item-variance' : restFlat ? 'zero-rest-variance' : null;
  base.discriminationIndex = flat ? none(flat) : ok(clamp((100 * cov) / Math.sqrt(vx * vRest), -100, 100));
  base.discriminativeEfficiency = flat ? none(flat) : ok(Math.min(100, (100 * cov) / covMax));
  return withVerdict(base);
}

/** Per-item statistics from the sums, in the order itemStatistics gives (first slot, then key). */
export function itemStatisticsFromSums(sums: ItemSums): ItemStatistics[] {
  const keys = [...new Set(sums.cells.filter((c) => c.n > 0).map((c) => c.questionKey))];
  return keys
    .map((key) =>
      itemFromSums(
        key,
        sums.cells.filter((c) => c.questionKey === key),
        sums.values.filter((v) => v.questionKey === key),
      ),
    )
    .sort((a, b) => (a.slots[0] ?? 0) - (b.slots[0] ?? 0) || byCodeUnits(a.key, b.key));
}

/** The whole-set statistics of setStatistics, from the totals histogram and the per-slot score histograms. */
export function setStatisticsFromSums(sums: ItemSums): SetStatistics {
  const rows = sums.totals.filter((t) => t.count > 0);
  const totals = histogram(rows.map((t) => ({ value: t.total, count: t.count })));
  const n = countOf(totals);
  const slotCounts = new Map<number, number>();
  for (const c of sums.cells) if (c.n > 0) slotCounts.set(c.slot, (slotCounts.get(c.slot) ?? 0) + c.n);
  const allSlots = [...slotCounts.keys()].sort((a, b) => a - b);
  const k = allSlots.length;
  const largestMax = n === 0 ? 0 : Math.max(...rows.map((t) => t.maxTotal));
  const avg = n === 0 ? 0 : sumOf(totals) / n;
  const empty = (reason: StatNullReason): SetStatistics => ({
    attempts: n,
    items: k,
    meanScore: n === 0 ? null : avg,
    medianScore: median(totals, n),
    meanPercent: n === 0 || rows.some((t) => t.maxTotal === 0) ? null : rows.reduce((acc, t) => acc + (t.count * 100 * t.total) / t.maxTotal, 0) / n,
    standardDeviation: none(reason),
    standardDeviationPercent: none(reason),
    skewness: none(reason),
    kurtosis: none(reason),
    cic: none(reason),
    errorRatio: none(reason),
    standardError: none(reason),
    standardErrorPercent: none(reason),
  });
  if (n === 0) return empty('no-attempts');
  const stats = empty('too-few-attempts');
  if (n < 2) return stats;
  const power = (r: number): number => totals.reduce((acc, t) => acc + t.count * (t.value - avg) ** r, 0);
  const m2 = power(2) / n;
  const k2 = (n * m2) / (n - 1);
  const sd = Math.sqrt(k2);
  stats.standardDeviation = ok(sd);
  stats.standardDeviationPercent = largestMax > 0 ? ok((100 * sd) / largestMax) : none('zero-max');
  const flat = isZeroVariance(k2, values(totals));
  if (n >= 3) stats.skewness = flat ? none('zero-total-variance') : ok((n * n * (power(3) / n)) / ((n - 1) * (n - 2)) / k2 ** 1.5);
  if (n >= 4) {
    if (flat) stats.kurtosis = none('zero-total-variance');
    else {
      const m4 = power(4) / n;
      const k4 = (n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2)) / ((n - 1) * (n - 2) * (n - 3));
      stats.kurtosis = ok(k4 / (k2 * k2));
    }
  }
  let reason: StatNullReason | null = null;
  if (k < 2) reason = 'too-few-items';
  // Slots are distinct within an attempt, so every attempt has all k slots exactly when each slot was seen n times.
  else if (allSlots.some((slot) => slotCounts.get(slot) !== n)) reason = 'items-not-shared';
  else if (flat) reason = 'zero-total-variance';
  const withReason = (r: StatNullReason): SetStatistics => ({ ...stats, cic: none(r), errorRatio: none(r), standardError: none(r), standardErrorPercent: none(r) });
  if (reason !== null) return withReason(reason);
  let sumOfItemVariances = 0;
  for (const slot of allSlots) {
    const h = histogram(sums.values.filter((v) => v.kind === 'score' && v.slot === slot).map((v) => ({ value: v.value, count: v.count })));
    sumOfItemVariances += squares(h, sumOf(h) / n) / (n - 1);
  }
  const cic = ((100 * k) / (k - 1)) * (1 - sumOfItemVariances / k2);
  const unexplained = 1 - cic / 100;
  if (unexplained < -1e-9) return withReason('inconsistent-totals');
  const errorRatio = 100 * Math.sqrt(Math.max(0, unexplained));
  const standardError = (errorRatio * sd) / 100;
  stats.cic = ok(cic);
  stats.errorRatio = ok(errorRatio);
  stats.standardError = ok(standardError);
  stats.standardErrorPercent = largestMax > 0 ? ok((100 * standardError) / largestMax) : none('zero-max');
  return stats;
}

function median(h: readonly Run[], n: number): number | null {
  if (n === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const r of h) {
      seen += r.count;
      if (rank < seen) return r.value;
    }
    return h[h.length - 1]?.value ?? 0;
  };
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * The sums of a list of attempts, as the API accumulates them one attempt at a time: for tests and
 * for checking the stored sums against a direct computation. Rest-of-test scores are the sum of the
 * attempt's item scores minus the item's, as statistics.ts takes them.
 */
export function sumsOf(attempts: ReadonlyArray<{ score: number; maxScore: number; items: ReadonlyArray<{ slot: number; questionKey: string; score: number; max: number }> }>): ItemSums {
  const cells = new Map<string, ItemSumCell>();
  const vals = new Map<string, ItemValueCount>();
  const totals = new Map<string, TotalCount>();
  const bump = (v: Omit<ItemValueCount, 'count'>): void => {
    const id = `${v.questionKey}|${v.slot}|${v.points}|${v.kind}|${v.value}`;
    const row = vals.get(id) ?? { ...v, count: 0 };
    row.count += 1;
    vals.set(id, row);
  };
  for (const a of attempts) {
    const total = a.items.reduce((acc, i) => acc + i.score, 0);
    for (const i of a.items) {
      const id = `${i.questionKey}|${i.slot}|${i.max}`;
      const cell = cells.get(id) ?? { questionKey: i.questionKey, slot: i.slot, points: i.max, n: 0, sumScore: 0, sumRest: 0, sumScoreRest: 0 };
      const rest = total - i.score;
      cell.n += 1;
      cell.sumScore += i.score;
      cell.sumRest += rest;
      cell.sumScoreRest += i.score * rest;
      cells.set(id, cell);
      bump({ questionKey: i.questionKey, slot: i.slot, points: i.max, kind: 'score', value: i.score });
      bump({ questionKey: i.questionKey, slot: i.slot, points: i.max, kind: 'rest', value: rest });
    }
    const tid = `${a.score}|${a.maxScore}`;
    const t = totals.get(tid) ?? { total: a.score, maxTotal: a.maxScore, count: 0 };
    t.count += 1;
    totals.set(tid, t);
  }
  return { cells: [...cells.values()], values: [...vals.values()], totals: [...totals.values()] };
}
