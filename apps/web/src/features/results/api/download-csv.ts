import { env } from '@/config/env';
import { ApiError } from '@/lib/api-client';
import { apiQuery, type ResultsQuery } from '../utils/results-query';

/** Downloads the results as CSV with the table's filters (a plain fetch: the body is text, not JSON). */
export async function downloadResultsCsv(orgId: string, setId: string, query: ResultsQuery, filename: string): Promise<void> {
  const params = new URLSearchParams(Object.entries(apiQuery(query)).map(([k, v]) => [k, String(v)]));
  const url = `${env.apiOrigin}/api/orgs/${encodeURIComponent(orgId)}/sets/${encodeURIComponent(setId)}/results.csv?${params.toString()}`;
  const res = await fetch(url, { credentials: 'include' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, { code: body.code ?? `HTTP_${res.status}`, message: body.message ?? res.statusText });
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 1000);
}
