import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { LapseHeavyList } from '@/features/drills/components/lapse-heavy-list';
import { useUser } from '@/lib/auth';

export function Component() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  return (
    <>
      <title>{`${t('drillsDashboard.admin.title')} · goprep`}</title>
      <PageHeader title={t('drillsDashboard.admin.title')} lead={t('drillsDashboard.admin.lead')} />
      <Card>{user?.role === 'admin' ? <LapseHeavyList /> : <p className="muted">{t('drillsDashboard.admin.forbidden')}</p>}</Card>
    </>
  );
}
