import { useTranslation } from 'react-i18next';
import { PracticeTabs } from '@/components/layout/practice-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { QuestionBrowser } from '@/features/questions/components/question-browser';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('nav.practice')} · goprep`}</title>
      <PracticeTabs />
      <PageHeader title={t('practice.title')} lead={t('practice.lead')} />
      <QuestionBrowser />
    </>
  );
}
