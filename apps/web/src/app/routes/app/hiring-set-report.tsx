import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CandidateReportView } from '@/features/results/components/candidate-report';
import { setPath } from '@/features/question-sets/components/set-tabs';
import { InviteRoomsSection } from '@/features/rooms/components/invite-rooms';
import { SetFrame } from './hiring-set-frame';

export function Component() {
  const { t } = useTranslation();
  const { orgId = '', setId = '', attemptId = '' } = useParams();
  return (
    <SetFrame orgId={orgId} setId={setId} page={t('results.report.title')}>
      <CandidateReportView
        key={attemptId}
        orgId={orgId}
        attemptId={attemptId}
        resultsPath={`${setPath(orgId, setId)}/results`}
        beside={(report) => <InviteRoomsSection orgId={orgId} inviteId={report.inviteId} />}
      />
    </SetFrame>
  );
}
