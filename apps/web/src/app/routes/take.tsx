import { useTranslation } from 'react-i18next';
import { CandidateTake } from '@/features/candidate/components/candidate-take';
import { TakeLayout } from '@/features/candidate/components/take-layout';
import { AttemptRunner } from '@/features/quizzes/components/quiz-runner';

/** The candidate's page (public, no account): `/take#<token>`; the test runs in the quizzes' runner. */
export function Component() {
  const { t } = useTranslation();
  return (
    <TakeLayout>
      <title>{`${t('candidate.pageTitle')} · goprep`}</title>
      <CandidateTake renderRunner={(attempt, source) => <AttemptRunner key={attempt.id} attempt={attempt} source={source} />} />
    </TakeLayout>
  );
}
