import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AttemptResult } from '@/features/quizzes/components/attempt-result';

export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <title>{`${t('quiz.result.pageTitle')} · goprep`}</title>
      <AttemptResult key={id} id={id} />
    </>
  );
}
