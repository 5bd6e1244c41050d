import { useTranslation } from 'react-i18next';
import { CandidateTake } from '@/features/candidate/components/candidate-take';
import { TakeLayout } from '@/features/candidate/components/take-layout';

/** The candidate's page (public, no account): `/take#<token>`; the test runs in the shared attempt runner. */
export function Component() {
  const { t } = useTranslation();
  return (
    <TakeLayout>
      <title>{`${t('candidate.pageTitle')} · goprep`}</title>
      <CandidateTake />
    </TakeLayout>
  );
}
