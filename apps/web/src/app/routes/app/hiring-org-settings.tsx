import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { ApiTokensCard } from '@/features/api-tokens/components/api-tokens-card';
import { useUser } from '@/lib/auth';

const ORG_SCOPES = ['results:read', 'sets:manage', 'invites:manage', 'bank:read'] as const;

/** An organization's settings: its API tokens. */
export function Component() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { data: user, isPending } = useUser();
  const org = user?.organizations.find((o) => o.id === orgId);
  if (isPending) return <Spinner label={t('common.loading')} />;
  if (!org) return <Alert>{t('orgSettings.notFound')}</Alert>;
  return (
    <>
      <title>{`${t('orgSettings.title', { name: org.name })} · goprep`}</title>
      <PageHeader title={t('orgSettings.title', { name: org.name })} lead={t('orgSettings.lead')} />
      <div className="stack">
        <ApiTokensCard key={orgId} owner={{ kind: 'organization', orgId }} scopes={ORG_SCOPES} />
      </div>
    </>
  );
}
