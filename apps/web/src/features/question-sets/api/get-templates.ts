import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/lib/api-client';

export type SetTemplate = Schemas['SetTemplateDto'];

export const getTemplates = (): Promise<SetTemplate[]> => call(() => api.GET('/api/set-templates'));

export const getTemplatesQueryOptions = () => queryOptions({ queryKey: ['set-templates'], queryFn: getTemplates, staleTime: 10 * 60_000 });

export const useTemplates = () => useQuery(getTemplatesQueryOptions());
