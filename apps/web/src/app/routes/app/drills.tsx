import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { DrillScreen } from '@/features/drills/components/drill-screen';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('nav.drills')} · goprep`}</title>
      <PageHeader
        title={t('nav.drills')}
        lead={t('drills.lead')}
        actions={
          <Link to="/drills/stats" className="btn btn--secondary" data-testid="drills-stats-link">
            {t('drillsDashboard.open')}
          </Link>
        }
      />
      <DrillScreen />
    </>
  );
}
