import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { OrgQuestionsArea } from '@/features/org-questions/components/org-questions-area';
import { ComingNext } from './coming-next';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('nav.hiring')} · goprep`}</title>
      <PageHeader title={t('nav.hiring')} lead={t('hiring.lead')} />
      <div className="stack">
        <OrgQuestionsArea />
        <ComingNext section="hiring" withHeader={false} />
      </div>
    </>
  );
}
