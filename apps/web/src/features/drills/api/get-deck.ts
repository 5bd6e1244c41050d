import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import { collectPages } from '@/lib/paging';
import type { DeckFilter, DeckList } from '../types';

/** The endpoint's maximum page size. */
const PAGE = 500;

export const getDeck = async (filter: DeckFilter, signal?: AbortSignal): Promise<DeckList> => {
  const cards = await collectPages(PAGE, (offset, limit) =>
    call(() => api.GET('/api/drills/deck', { params: { query: { filter, limit, offset } }, ...(signal ? { signal } : {}) })).then((page) => page.cards),
  );
  return { cards, total: cards.length, limit: cards.length, offset: 0 };
};

export const getDeckQueryOptions = (filter: DeckFilter) =>
  queryOptions({ queryKey: ['drills', 'deck', filter], queryFn: ({ signal }) => getDeck(filter, signal), staleTime: 0 });

export const useDeck = (filter: DeckFilter) => useQuery(getDeckQueryOptions(filter));
