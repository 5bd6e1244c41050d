import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QuestionView } from '@/features/questions/components/question-view';

export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <title>{`${t('nav.practice')} · goprep`}</title>
      <QuestionView id={id} />
    </>
  );
}
