import { useTranslation } from 'react-i18next';
import { PracticeTabs } from '@/components/layout/practice-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { QuizStart } from '@/features/quizzes/components/quiz-start';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('quiz.start.title')} · goprep`}</title>
      <PracticeTabs />
      <PageHeader title={t('quiz.start.title')} lead={t('quiz.start.lead')} />
      <QuizStart />
    </>
  );
}
