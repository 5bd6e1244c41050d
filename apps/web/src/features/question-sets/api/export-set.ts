import { env } from '@/config/env';

export type ExportFormat = 'json' | 'gift';

/**
 * The export is a plain download (the server sends it as an attachment with the session cookie),
 * so a link does it without holding the file in page memory.
 */
export const exportUrl = (orgId: string, setId: string, format: ExportFormat, version?: number): string =>
  `${env.apiOrigin}/api/orgs/${encodeURIComponent(orgId)}/sets/${encodeURIComponent(setId)}/export?format=${format}${version ? `&version=${version}` : ''}`;
