import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AreaCard } from '@/components/ui/area-card';
import { useChosenOrg } from '@/lib/chosen-org';

/** The Hiring page's entry to an organization's webhook settings (the org chosen with ?org=, else the first). */
export function WebhooksArea() {
  const { t } = useTranslation();
  const { org } = useChosenOrg();
  if (!org) return null;
  return (
    <AreaCard
      titleId="wh-area-title"
      title={t('webhooks.area.title')}
      lead={t('webhooks.area.lead')}
      data-testid="webhooks-area"
      action={
        <Link to={`/hiring/orgs/${org.id}/webhooks`} className="btn btn--secondary" data-testid="open-webhooks">
          {t('webhooks.area.open')}
        </Link>
      }
    />
  );
}
