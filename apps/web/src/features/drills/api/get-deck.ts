import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '@/lib/api-client';
import type { DeckFilter, DeckList } from '../types';

export const getDeck = (filter: DeckFilter, signal?: AbortSignal): Promise<DeckList> =>
  call(() => api.GET('/api/drills/deck', { params: { query: { filter } }, ...(signal ? { signal } : {}) }));

export const getDeckQueryOptions = (filter: DeckFilter) =>
  queryOptions({ queryKey: ['drills', 'deck', filter], queryFn: ({ signal }) => getDeck(filter, signal), staleTime: 0 });

export const useDeck = (filter: DeckFilter) => useQuery(getDeckQueryOptions(filter));
