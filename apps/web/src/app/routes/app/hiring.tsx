import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { OrgQuestionsArea } from '@/features/org-questions/components/org-questions-area';
import { QuestionSetsArea } from '@/features/question-sets/components/question-sets-area';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('nav.hiring')} · goprep`}</title>
      <PageHeader title={t('nav.hiring')} lead={t('hiring.lead')} />
      <div className="stack">
        <OrgQuestionsArea />
        <QuestionSetsArea />
      </div>
    </>
  );
}
