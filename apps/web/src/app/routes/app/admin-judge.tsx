import { useTranslation } from 'react-i18next';
import { JudgeRunners } from '@/components/code-task';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useUser } from '@/lib/auth';

/** The judge's runners and queue, for administrators (warming progress after a start or a bank change). */
export function Component() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  return (
    <>
      <title>{`${t('codeTask.runners.title')} · goprep`}</title>
      <PageHeader title={t('codeTask.runners.title')} lead={t('codeTask.runners.lead')} />
      <Card>{user?.role === 'admin' ? <JudgeRunners /> : <p className="muted">{t('drillsDashboard.admin.forbidden')}</p>}</Card>
    </>
  );
}
