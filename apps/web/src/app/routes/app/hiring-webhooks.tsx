import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { WebhooksPanel } from '@/features/webhooks/components/webhooks-panel';
import { useUser } from '@/lib/auth';

/** Organization settings, Webhooks: endpoints, secrets and delivery logs of one organization. */
export function Component() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { data: user } = useUser();
  const org = user?.organizations.find((o) => o.id === orgId);
  return (
    <>
      <title>{`${t('webhooks.title')} · goprep`}</title>
      <PageHeader
        title={t('webhooks.title')}
        lead={t('webhooks.lead', { org: org?.name ?? '' })}
        actions={
          <Link to={`/hiring?org=${orgId}`} className="btn btn--ghost">
            {t('webhooks.back')}
          </Link>
        }
      />
      <WebhooksPanel key={orgId} orgId={orgId} />
    </>
  );
}
