import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QuizRunner } from '@/features/quizzes/components/quiz-runner';

export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <title>{`${t('quiz.runner.pageTitle')} · goprep`}</title>
      <QuizRunner key={id} id={id} />
    </>
  );
}
