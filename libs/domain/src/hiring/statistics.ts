/**
 * Item analysis of a question set version, with Moodle's quiz statistics definitions.
 * Pure: the caller passes one row per submitted attempt.
 */

/** One item an attempt received. */
export interface StatsItemScore {
  /** Position of the item in the set version (Moodle's "slot"), 1-based or 0-based, as the caller likes. */
  slot: number;
  /** The question the attempt got at that slot (question version id); differs between attempts for random pools. */
  questionKey: string;
  score: number;
  max: number;
}

export interface StatsAttempt {
  attemptId: string;
  /**
   * Total score of the attempt, used for the whole-set figures (mean, median, SD, CIC's V(T)); it
   * should be the sum of the item scores. Rest-of-test scores for the items are always taken as
   * that sum minus the item, as Moodle does.
   */
  score: number;
  maxScore: number;
  /** The items this attempt received; an item it did not get (random pools) is simply absent. */
  items: readonly StatsItemScore[];
}

export interface StatsInput {
  attempts: readonly StatsAttempt[];
}

export type StatNullReason =
  /** Nobody (who was analysed) got the item / no attempts at all. */
  | 'no-attempts'
  /** A spread or correlation needs at least 2 attempts (3 for skewness, 4 for kurtosis). */
  | 'too-few-attempts'
  /** The item is worth 0 points: facility and SD in percent of max are undefined. */
  | 'zero-max'
  /** Everyone scored the same on the item: it cannot correlate with anything. */
  | 'zero-item-variance'
  /** Everyone scored the same on the rest of the test. */
  | 'zero-rest-variance'
  /** Everyone had the same total. */
  | 'zero-total-variance'
  /** Internal consistency needs at least 2 items (slots). */
  | 'too-few-items'
  /** Attempts did not all receive the same slots; internal consistency needs a common set. */
  | 'items-not-shared'
  /** The totals given are not the sums of the item scores, so the result would be meaningless (CIC above 100). */
  | 'inconsistent-totals';

/** A statistic that may be undefined for the data; never NaN. */
export interface StatValue {
  value: number | null;
  /** Why `value` is null; null when there is a value. */
  reason: StatNullReason | null;
}

export type ItemFlag = 'negative-discrimination' | 'facility-low' | 'facility-high';

/**
 * What the figures of an item allow one to say. Below MIN_ATTEMPTS_FOR_VERDICT attempts the figures
 * are shown but judge nothing (one wrong answer is a facility of 0 %): 'not-enough-attempts'.
 */
export type ItemVerdict = 'not-enough-attempts' | 'needs-checking' | 'ok';

export interface ItemStatistics {
  /** questionKey (by: 'question') or String(slot) (by: 'slot'). */
  key: string;
  /** Slots where this question appeared (one slot for fixed items). */
  slots: number[];
  /** Attempts that received the item. */
  attempts: number;
  /** Mean raw score on the item, null when no attempts. */
  meanScore: number | null;
  /** Largest max among the attempts (the item's max points). */
  maxScore: number;
  /** 100 x mean(score / max), percent 0..100. */
  facility: StatValue;
  /** Sample standard deviation (n-1) of score / max, as a percent of max. */
  standardDeviation: StatValue;
  /** 100 x corr(item score, rest-of-test score), -100..100. */
  discriminationIndex: StatValue;
  /**
   * 100 x cov(item, rest) / the largest covariance possible for these two columns (both sorted);
   * at most 100, can be below -100.
   */
  discriminativeEfficiency: StatValue;
  /** Thresholds the figures cross (negative discrimination, facility outside 35-65 %), whatever the sample size. */
  flags: ItemFlag[];
  /** true when a flag is set and the item had at least MIN_ATTEMPTS_FOR_VERDICT attempts. */
  needsChecking: boolean;
  verdict: ItemVerdict;
}

export interface SetStatistics {
  attempts: number;
  /** Number of items (slots) k used for the internal consistency. */
  items: number;
  /** Mean total score (raw marks), null without attempts. */
  meanScore: number | null;
  /** Median total score (mean of the two middle ones for an even count). */
  medianScore: number | null;
  /** 100 x mean(score / maxScore); null without attempts or when a maxScore is 0. */
  meanPercent: number | null;
  /** Sample standard deviation (n-1) of total scores, raw marks. */
  standardDeviation: StatValue;
  /** standardDeviation as a percent of the largest maxScore. */
  standardDeviationPercent: StatValue;
  /** Moodle's skewness k3 / k2^(3/2) (n >= 3). */
  skewness: StatValue;
  /** Moodle's (excess) kurtosis k4 / k2^2 (n >= 4). */
  kurtosis: StatValue;
  /** Coefficient of internal consistency (Cronbach alpha), percent: 100 k/(k-1) (1 - sum V(x_i) / V(T)). */
  cic: StatValue;
  /** 100 x sqrt(1 - CIC/100), percent. */
  errorRatio: StatValue;
  /** ER/100 x SD, raw marks. */
  standardError: StatValue;
  /** standardError as a percent of the largest maxScore. */
  standardErrorPercent: StatValue;
}

export interface ItemStatisticsOptions {
  /** Group per question (default; each random-pool question gets its own row) or per slot. */
  by?: 'question' | 'slot';
}

/** Facility below this (percent) or above FACILITY_HIGH is flagged. */
export const FACILITY_LOW = 35;
export const FACILITY_HIGH = 65;
/**
 * Attempts an item needs before its figures turn into a verdict. Ten keeps one answer from moving
 * the facility by more than 10 points; below it a single candidate decides every flag.
 */
export const MIN_ATTEMPTS_FOR_VERDICT = 10;
/** A figure within this of a threshold is rounding noise, not a crossing. */
const NOISE = 1e-9;

export const ok = (value: number): StatValue => ({ value, reason: null });
export const none = (reason: StatNullReason): StatValue => ({ value: null, reason });

/** Code-unit order, not localeCompare: results must not depend on the runtime's locale data. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sum = (xs: readonly number[]): number => xs.reduce((acc, x) => acc + x, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** Sum of products of deviations from the means (n-1 is applied by the caller). */
function coSum(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let acc = 0;
  for (let i = 0; i < xs.length; i++) acc += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
  return acc;
}

const sampleVariance = (xs: readonly number[]): number => coSum(xs, xs) / (xs.length - 1);

/**
 * A variance this small relative to the data is rounding noise (0.1 + 0.1 + 0.1 is not 0.3):
 * treating it as a real spread would turn a constant column into a random correlation.
 */
export function isZeroVariance(variance: number, xs: readonly number[]): boolean {
  const scale = Math.max(1, ...xs.map((x) => Math.abs(x)));
  return variance <= 1e-12 * scale * scale;
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

/**
 * Validates and puts the attempts in a canonical order (by id), so that every sum is taken in the
 * same order and the results are bit-for-bit independent of the order the rows came in.
 */
function canonical(input: StatsInput): StatsAttempt[] {
  const attempts = [...input.attempts].sort((a, b) => byCodeUnits(a.attemptId, b.attemptId));
  for (let i = 0; i < attempts.length; i++) {
    const attempt = attempts[i] as StatsAttempt;
    if (i > 0 && attempts[i - 1]?.attemptId === attempt.attemptId) throw new RangeError(`duplicate attempt "${attempt.attemptId}"`);
    checkFinite(attempt.score, `attempt ${attempt.attemptId}: score`);
    checkFinite(attempt.maxScore, `attempt ${attempt.attemptId}: maxScore`);
    if (attempt.maxScore < 0) throw new RangeError(`attempt ${attempt.attemptId}: maxScore must not be negative`);
    const slots = new Set<number>();
    for (const item of attempt.items) {
      checkFinite(item.score, `attempt ${attempt.attemptId} slot ${item.slot}: score`);
      checkFinite(item.max, `attempt ${attempt.attemptId} slot ${item.slot}: max`);
      if (item.max < 0) throw new RangeError(`attempt ${attempt.attemptId} slot ${item.slot}: max must not be negative`);
      if (slots.has(item.slot)) throw new RangeError(`attempt ${attempt.attemptId}: slot ${item.slot} appears twice`);
      slots.add(item.slot);
    }
  }
  return attempts;
}

/** Everything the item statistics need about one item in one attempt. */
interface Observation {
  slot: number;
  score: number;
  max: number;
  /** Sum of the attempt's item scores minus this one (Moodle's "rest of test"). */
  rest: number;
}

function statsFor(key: string, observations: readonly Observation[]): ItemStatistics {
  const n = observations.length;
  const slots = [...new Set(observations.map((o) => o.slot))].sort((a, b) => a - b);
  const maxScore = n === 0 ? 0 : Math.max(...observations.map((o) => o.max));
  // An item worth different points in different attempts is put on its largest scale, so that
  // facility stays mean/max and the spread is comparable (identical to raw marks when constant).
  const x = observations.map((o) => (o.max === maxScore || o.max === 0 ? o.score : (o.score / o.max) * maxScore));
  const rest = observations.map((o) => o.rest);
  const base: ItemStatistics = {
    key,
    slots,
    attempts: n,
    meanScore: n === 0 ? null : mean(x),
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

  base.facility = maxScore > 0 ? ok((100 * mean(x)) / maxScore) : none('zero-max');
  if (n < 2) {
    base.standardDeviation = none('too-few-attempts');
    base.discriminationIndex = none('too-few-attempts');
    base.discriminativeEfficiency = none('too-few-attempts');
  } else {
    const vx = sampleVariance(x);
    const vRest = sampleVariance(rest);
    base.standardDeviation = maxScore > 0 ? ok((100 * Math.sqrt(vx)) / maxScore) : none('zero-max');
    const itemFlat = isZeroVariance(vx, x);
    const restFlat = isZeroVariance(vRest, rest);
    const cov = coSum(x, rest) / (n - 1);
    if (itemFlat) base.discriminationIndex = none('zero-item-variance');
    else if (restFlat) base.discriminationIndex = none('zero-rest-variance');
    else base.discriminationIndex = ok(clamp((100 * cov) / Math.sqrt(vx * vRest), -100, 100));
    // The largest covariance these two columns could have: both sorted, paired rank by rank.
    const covMax = coSum([...x].sort((a, b) => a - b), [...rest].sort((a, b) => a - b)) / (n - 1);
    if (itemFlat) base.discriminativeEfficiency = none('zero-item-variance');
    else if (restFlat) base.discriminativeEfficiency = none('zero-rest-variance');
    else base.discriminativeEfficiency = ok(Math.min(100, (100 * cov) / covMax));
  }

  return withVerdict(base);
}

/** Sets the flags the figures cross and, with enough attempts, the verdict. */
export function withVerdict(base: ItemStatistics): ItemStatistics {
  const flags: ItemFlag[] = [];
  // Below -1e-9, not 0: a correlation of exactly 0 comes out as +-1e-15 depending on the order of the sums.
  if (base.discriminationIndex.value !== null && base.discriminationIndex.value < -NOISE) flags.push('negative-discrimination');
  if (base.facility.value !== null && base.facility.value < FACILITY_LOW - NOISE) flags.push('facility-low');
  if (base.facility.value !== null && base.facility.value > FACILITY_HIGH + NOISE) flags.push('facility-high');
  base.flags = flags;
  if (base.attempts < MIN_ATTEMPTS_FOR_VERDICT) return base;
  base.needsChecking = flags.length > 0;
  base.verdict = base.needsChecking ? 'needs-checking' : 'ok';
  return base;
}

/**
 * Per-item statistics. Each item is computed over the attempts that received it (a question from
 * a random pool only over the attempts that drew it), with the rest-of-test score of an attempt
 * being the sum of its item scores minus this item's. Rows are ordered by first slot, then key.
 */
export function itemStatistics(input: StatsInput, options: ItemStatisticsOptions = {}): ItemStatistics[] {
  const by = options.by ?? 'question';
  const groups = new Map<string, Observation[]>();
  for (const attempt of canonical(input)) {
    const total = sum(attempt.items.map((item) => item.score));
    for (const item of attempt.items) {
      const key = by === 'slot' ? String(item.slot) : item.questionKey;
      const list = groups.get(key) ?? [];
      list.push({ slot: item.slot, score: item.score, max: item.max, rest: total - item.score });
      groups.set(key, list);
    }
  }
  return [...groups.entries()]
    .map(([key, observations]) => statsFor(key, observations))
    .sort((a, b) => (a.slots[0] ?? 0) - (b.slots[0] ?? 0) || byCodeUnits(a.key, b.key));
}

/**
 * Whole-set statistics over the attempts' totals. The coefficient of internal consistency takes
 * the slots as the k items (Moodle's positions), so a random-pool slot counts as one item whatever
 * question each attempt drew; it needs every attempt to have the same slots.
 */
export function setStatistics(input: StatsInput): SetStatistics {
  const attempts = canonical(input);
  const n = attempts.length;
  const totals = attempts.map((a) => a.score);
  const allSlots = [...new Set(attempts.flatMap((a) => a.items.map((i) => i.slot)))].sort((a, b) => a - b);
  const k = allSlots.length;
  const largestMax = n === 0 ? 0 : Math.max(...attempts.map((a) => a.maxScore));
  const empty = (reason: StatNullReason): SetStatistics => ({
    attempts: n,
    items: k,
    meanScore: n === 0 ? null : mean(totals),
    medianScore: median(totals),
    meanPercent: n === 0 || attempts.some((a) => a.maxScore === 0) ? null : mean(attempts.map((a) => (100 * a.score) / a.maxScore)),
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

  // Moodle's moments: m_r = sum (T - mean)^r / n, k2 = n m2 / (n-1) (the n-1 variance),
  // k3 = n^2 m3 / ((n-1)(n-2)), k4 = n^2 ((n+1) m4 - 3 (n-1) m2^2) / ((n-1)(n-2)(n-3)).
  const avg = mean(totals);
  const power = (r: number): number => sum(totals.map((t) => (t - avg) ** r));
  const m2 = power(2) / n;
  const k2 = (n * m2) / (n - 1);
  const sd = Math.sqrt(k2);
  stats.standardDeviation = ok(sd);
  stats.standardDeviationPercent = largestMax > 0 ? ok((100 * sd) / largestMax) : none('zero-max');
  const flat = isZeroVariance(k2, totals);
  if (n >= 3) {
    if (flat) stats.skewness = none('zero-total-variance');
    else stats.skewness = ok((n * n * (power(3) / n)) / ((n - 1) * (n - 2)) / k2 ** 1.5);
  }
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
  else if (attempts.some((a) => a.items.length !== k)) reason = 'items-not-shared';
  else if (flat) reason = 'zero-total-variance';
  if (reason !== null) {
    stats.cic = none(reason);
    stats.errorRatio = none(reason);
    stats.standardError = none(reason);
    stats.standardErrorPercent = none(reason);
    return stats;
  }
  const sumOfItemVariances = sum(
    allSlots.map((slot) => sampleVariance(attempts.map((a) => a.items.find((i) => i.slot === slot)?.score ?? 0))),
  );
  const cic = ((100 * k) / (k - 1)) * (1 - sumOfItemVariances / k2);
  // 1 - CIC/100 is k/(k-1) sum V_i / V(T) - 1/(k-1) >= 0 when T is the sum of the items; a
  // negative value means the totals passed are something else.
  const unexplained = 1 - cic / 100;
  if (unexplained < -1e-9) {
    stats.cic = none('inconsistent-totals');
    stats.errorRatio = none('inconsistent-totals');
    stats.standardError = none('inconsistent-totals');
    stats.standardErrorPercent = none('inconsistent-totals');
    return stats;
  }
  const errorRatio = 100 * Math.sqrt(Math.max(0, unexplained));
  const standardError = (errorRatio * sd) / 100;
  stats.cic = ok(cic);
  stats.errorRatio = ok(errorRatio);
  stats.standardError = ok(standardError);
  stats.standardErrorPercent = largestMax > 0 ? ok((100 * standardError) / largestMax) : none('zero-max');
  return stats;
}
