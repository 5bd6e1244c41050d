import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { DeckFilter, DeckList } from '../types';
import { nextDeckOffset } from '../utils/deck-page';

/** Cards per page of the deck list ("show more" asks for the next one; the API allows up to 500). */
export const DECK_PAGE = 50;

export const getDeckPage = (filter: DeckFilter, offset = 0, signal?: AbortSignal): Promise<DeckList> =>
  call(() => api.GET('/api/drills/deck', { params: { query: { filter, limit: DECK_PAGE, offset } }, ...(signal ? { signal } : {}) }));

export const getDeckQueryOptions = (filter: DeckFilter) =>
  infiniteQueryOptions({
    queryKey: ['drills', 'deck', filter],
    queryFn: ({ pageParam, signal }) => getDeckPage(filter, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: nextDeckOffset,
    staleTime: 0,
  });

/** The deck page by page: `data.pages` in order; `fetchNextPage` loads the next one. */
export const useDeck = (filter: DeckFilter) => useInfiniteQuery(getDeckQueryOptions(filter));
