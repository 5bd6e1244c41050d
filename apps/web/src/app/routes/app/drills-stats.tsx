import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { DrillsDashboard } from '@/features/drills/components/drills-dashboard';
import { useUser } from '@/lib/auth';

export function Component() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  return (
    <>
      <title>{`${t('drillsDashboard.title')} · goprep`}</title>
      <PageHeader
        title={t('drillsDashboard.title')}
        lead={t('drillsDashboard.lead')}
        actions={
          <>
            <Link to="/drills" className="btn btn--secondary">
              {t('drillsDashboard.backToDrills')}
            </Link>
            {user?.role === 'admin' ? (
              <>
                <Link to="/admin/drills" className="btn btn--ghost">
                  {t('drillsDashboard.admin.title')}
                </Link>
                <Link to="/admin/judge" className="btn btn--ghost">
                  {t('codeTask.runners.title')}
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <DrillsDashboard />
    </>
  );
}
