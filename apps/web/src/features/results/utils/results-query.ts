export const SORT_KEYS = ['rank', 'name', 'score', 'duration', 'submittedAt', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATUSES = ['invited', 'started', 'submitted', 'expired', 'revoked'] as const;
export type ResultStatus = (typeof STATUSES)[number];

export type ResultsQuery = {
  sort: SortKey;
  order: 'asc' | 'desc';
  status: ResultStatus[];
  search: string;
  minPercent: number | null;
};

export const DEFAULT_QUERY: ResultsQuery = { sort: 'rank', order: 'asc', status: [], search: '', minPercent: null };

const isSort = (v: string | null): v is SortKey => SORT_KEYS.includes(v as SortKey);
const isStatus = (v: string): v is ResultStatus => STATUSES.includes(v as ResultStatus);

/** The table's sort and filters live in the URL (shareable, survive a reload); anything unknown falls back to the default. */
export function queryFromParams(params: URLSearchParams): ResultsQuery {
  const sort = params.get('sort');
  const order = params.get('order');
  const min = params.get('min');
  const minPercent = min !== null && min !== '' && Number.isFinite(Number(min)) ? Math.min(100, Math.max(0, Number(min))) : null;
  return {
    sort: isSort(sort) ? sort : DEFAULT_QUERY.sort,
    order: order === 'desc' || order === 'asc' ? order : defaultOrder(isSort(sort) ? sort : DEFAULT_QUERY.sort),
    status: [...new Set((params.get('status') ?? '').split(',').filter(isStatus))],
    search: (params.get('q') ?? '').slice(0, 200),
    minPercent,
  };
}

export function paramsFromQuery(query: ResultsQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.sort !== DEFAULT_QUERY.sort) p.set('sort', query.sort);
  if (query.order !== defaultOrder(query.sort)) p.set('order', query.order);
  if (query.status.length) p.set('status', query.status.join(','));
  if (query.search.trim()) p.set('q', query.search.trim());
  if (query.minPercent !== null) p.set('min', String(query.minPercent));
  return p;
}

/** Best first for scores, A-Z for names, newest first for dates. */
export function defaultOrder(sort: SortKey): 'asc' | 'desc' {
  return sort === 'score' || sort === 'submittedAt' ? 'desc' : 'asc';
}

/** Clicking a column header: the same column flips the order; another column starts at its natural order. */
export function toggleSort(query: ResultsQuery, sort: SortKey): ResultsQuery {
  if (query.sort === sort) return { ...query, order: query.order === 'asc' ? 'desc' : 'asc' };
  return { ...query, sort, order: defaultOrder(sort) };
}

/** The API's query parameters for a table query. */
export function apiQuery(query: ResultsQuery): { sort: SortKey; order: 'asc' | 'desc'; status?: string; search?: string; minPercent?: number } {
  return {
    sort: query.sort,
    order: query.order,
    ...(query.status.length ? { status: query.status.join(',') } : {}),
    ...(query.search.trim() ? { search: query.search.trim() } : {}),
    ...(query.minPercent !== null ? { minPercent: query.minPercent } : {}),
  };
}

export const MAX_COMPARE = 4;

/** Picks candidates to compare (at most four); picking a fifth is refused, not silently swapped. */
export function toggleCompare(selected: readonly string[], id: string, max = MAX_COMPARE): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  if (selected.length >= max) return [...selected];
  return [...selected, id];
}

/** 754 -> "12:34", 3725 -> "1:02:05"; null -> "–". */
export function formatClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** A statistic for display: one decimal, or a dash when it could not be computed. */
export function formatStat(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}
