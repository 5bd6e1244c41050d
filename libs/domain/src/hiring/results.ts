/** Ranking, sorting and filtering of candidate results, and the per-topic breakdown. */

export type CandidateStatus = 'invited' | 'started' | 'submitted' | 'expired' | 'revoked';

export interface TopicScore {
  topic: string;
  score: number;
  max: number;
  /** How many items this row stands for (an already aggregated topic row); default 1. */
  items?: number;
}

export interface TopicBreakdown extends TopicScore {
  items: number;
  /** 100 x score / max, null when max is 0. */
  percent: number | null;
}

export interface CandidateResult {
  id: string;
  name: string;
  email: string;
  status: CandidateStatus;
  /** null until submitted (or graded). */
  score: number | null;
  maxScore: number | null;
  /** Seconds from start to submission, null when not submitted. */
  durationSeconds: number | null;
  /** ISO timestamp or null. */
  submittedAt: string | null;
  /** Any pending manual grading keeps the score provisional. */
  pendingGrading?: boolean;
}

export interface RankedResult<R extends CandidateResult = CandidateResult> {
  result: R;
  /** 100 x score / maxScore, null without a score. */
  percent: number | null;
  /** Competition rank ("1224") among results with a score, by percent desc; null without a score. */
  rank: number | null;
}

export type ResultSortKey = 'rank' | 'name' | 'score' | 'duration' | 'submittedAt' | 'status';

export interface ResultQuery {
  sort?: ResultSortKey;
  order?: 'asc' | 'desc';
  status?: readonly CandidateStatus[];
  /** Case-insensitive substring of name or email. */
  search?: string;
  /** Percent bounds, inclusive. */
  minPercent?: number;
  maxPercent?: number;
}

const STATUS_ORDER: Record<CandidateStatus, number> = { invited: 0, started: 1, submitted: 2, expired: 3, revoked: 4 };

/** Code-unit order of case-folded text, not localeCompare: the order must not depend on the runtime's locale data. */
const byText = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
/** Two percents closer than this are a tie (0.1 + 0.2 and 0.3 must rank together). */
const TIE = 1e-9;

function percentOf(result: CandidateResult): number | null {
  if (result.score === null || result.maxScore === null || !(result.maxScore > 0)) return null;
  return (100 * result.score) / result.maxScore;
}

type SortValue = number | string | null;

function sortValue<R extends CandidateResult>(row: RankedResult<R>, key: ResultSortKey): SortValue {
  switch (key) {
    case 'rank':
      return row.rank;
    case 'name':
      return row.result.name;
    case 'score':
      return row.percent;
    case 'duration':
      return row.result.durationSeconds;
    case 'submittedAt':
      return row.result.submittedAt === null ? null : Date.parse(row.result.submittedAt);
    case 'status':
      return STATUS_ORDER[row.result.status];
  }
}

const DEFAULT_ORDER: Record<ResultSortKey, 'asc' | 'desc'> = {
  rank: 'asc',
  name: 'asc',
  score: 'desc',
  duration: 'asc',
  submittedAt: 'desc',
  status: 'asc',
};

/**
 * Ranks every result (before filtering, so a candidate keeps the rank they have in the whole set),
 * then filters and sorts. Missing values (no score, not submitted) always sort last, whatever the
 * order; ties fall back to name, then id, so the output is fully determined.
 * Default order: rank, name, duration, status ascending; score and submittedAt descending.
 */
export function rankResults<R extends CandidateResult>(results: readonly R[], query: ResultQuery = {}): RankedResult<R>[] {
  const rows: RankedResult<R>[] = results.map((result) => ({ result, percent: percentOf(result), rank: null }));
  const scored = rows.filter((r) => r.percent !== null).sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0));
  scored.forEach((row, i) => {
    const previous = scored[i - 1];
    row.rank = previous && Math.abs((previous.percent ?? 0) - (row.percent ?? 0)) <= TIE ? previous.rank : i + 1;
  });

  const search = query.search?.trim().toLowerCase() ?? '';
  const filtered = rows.filter((row) => {
    if (query.status && query.status.length > 0 && !query.status.includes(row.result.status)) return false;
    if (search && !row.result.name.toLowerCase().includes(search) && !row.result.email.toLowerCase().includes(search)) return false;
    if (query.minPercent !== undefined && (row.percent === null || row.percent < query.minPercent - TIE)) return false;
    if (query.maxPercent !== undefined && (row.percent === null || row.percent > query.maxPercent + TIE)) return false;
    return true;
  });

  const key = query.sort ?? 'rank';
  const direction = (query.order ?? DEFAULT_ORDER[key]) === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const xMissing = x === null || Number.isNaN(x);
    const yMissing = y === null || Number.isNaN(y);
    if (xMissing !== yMissing) return xMissing ? 1 : -1;
    if (x !== null && y !== null && !xMissing) {
      const c = typeof x === 'string' || typeof y === 'string' ? byText(String(x), String(y)) : x - y;
      if (c !== 0) return direction * c;
    }
    return byText(a.result.name, b.result.name) || (a.result.id < b.result.id ? -1 : a.result.id > b.result.id ? 1 : 0);
  });
}

/** Sums items per topic (scores and maxima rounded to 4 decimals, percent to 1), sorted by topic name. */
export function topicBreakdown(items: readonly TopicScore[]): TopicBreakdown[] {
  const byTopic = new Map<string, { score: number; max: number; items: number }>();
  for (const item of items) {
    const entry = byTopic.get(item.topic) ?? { score: 0, max: 0, items: 0 };
    entry.score += item.score;
    entry.max += item.max;
    entry.items += item.items ?? 1;
    byTopic.set(item.topic, entry);
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, t]) => ({
      topic,
      score: round4(t.score),
      max: round4(t.max),
      items: t.items,
      percent: t.max > 0 ? Math.round((t.score / t.max) * 1000) / 10 : null,
    }));
}
