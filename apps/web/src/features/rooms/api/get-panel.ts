import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PanelQuestion } from '../types';
import { roomRequest } from './room-request';

export type PanelFilter = { topic: string; q: string };

/** The interviewer's bank view (keys, rubrics): the API answers 403 to anyone else. */
export const getPanel = (roomId: string, filter: PanelFilter, signal?: AbortSignal): Promise<PanelQuestion[]> => {
  const query = new URLSearchParams();
  if (filter.topic) query.set('topic', filter.topic);
  if (filter.q.trim()) query.set('q', filter.q.trim());
  const qs = query.toString();
  return roomRequest<{ items: PanelQuestion[] }>('GET', `/api/rooms/${encodeURIComponent(roomId)}/panel${qs ? `?${qs}` : ''}`, {
    roomId,
    ...(signal ? { signal } : {}),
  }).then((r) => r.items);
};

export const getPanelQueryOptions = (roomId: string, filter: PanelFilter) =>
  queryOptions({
    queryKey: ['rooms', roomId, 'panel', filter] as const,
    queryFn: ({ signal }) => getPanel(roomId, filter, signal),
    placeholderData: keepPreviousData,
  });

export const usePanel = (roomId: string, filter: PanelFilter) => useQuery(getPanelQueryOptions(roomId, filter));
