import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { QuestionFilters } from '../types';

export const PAGE_SIZE = 20;
const KEYS = ['topic', 'type', 'difficulty', 'tag', 'q'] as const;
type FilterKey = (typeof KEYS)[number];

/**
 * The bank's search string (`?topic=...&page=2`, or '') from a `back` value a question page was
 * opened with: only the bank's own keys survive, so the link cannot be pointed anywhere else.
 */
export function bankSearch(back: string | null): string {
  if (!back) return '';
  const from = new URLSearchParams(back);
  const kept = new URLSearchParams();
  for (const key of [...KEYS, 'page'] as const) {
    const value = from.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

/** Filters live in the URL, so a filtered list can be bookmarked, shared and navigated back to. */
export function useQuestionFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<QuestionFilters>(() => {
    const page = Number(params.get('page'));
    const out: QuestionFilters = { page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: PAGE_SIZE };
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params]);

  const setFilter = useCallback(
    (key: FilterKey, value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('page'); // a new filter starts at the first page
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (page: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (page > 1) next.set('page', String(page));
        else next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, setFilter, setPage, reset };
}
