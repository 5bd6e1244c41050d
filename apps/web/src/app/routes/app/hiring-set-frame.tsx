import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { useSet } from '@/features/question-sets/api/get-set';
import { SetTabs } from '@/features/question-sets/components/set-tabs';

/** The header and tabs every page of one set shares (builder, invites, results, statistics). */
export function SetFrame({ orgId, setId, page, children }: { orgId: string; setId: string; page: string; children: ReactNode }) {
  const { t } = useTranslation();
  const set = useSet(orgId, setId);
  const title = set.data?.title ?? t('common.loading');
  return (
    <>
      <title>{`${page} · ${set.data?.title ?? ''} · goprep`}</title>
      <PageHeader title={title} lead={page} />
      <SetTabs orgId={orgId} setId={setId} />
      {children}
    </>
  );
}
