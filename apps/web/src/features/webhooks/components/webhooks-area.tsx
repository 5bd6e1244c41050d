import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { useUser } from '@/lib/auth';

/** The Hiring page's entry to an organization's webhook settings (the org chosen with ?org=, else the first). */
export function WebhooksArea() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const [params] = useSearchParams();
  const orgs = user?.organizations ?? [];
  const org = orgs.find((o) => o.id === params.get('org')) ?? orgs[0];
  if (!org) return null;
  return (
    <Card aria-labelledby="wh-area-title" data-testid="webhooks-area">
      <div className="oq-header">
        <div>
          <h2 id="wh-area-title" className="card__title">
            {t('webhooks.area.title')}
          </h2>
          <p className="muted">{t('webhooks.area.lead')}</p>
        </div>
        <Link to={`/hiring/orgs/${org.id}/webhooks`} className="btn btn--secondary" data-testid="open-webhooks">
          {t('webhooks.area.open')}
        </Link>
      </div>
    </Card>
  );
}
