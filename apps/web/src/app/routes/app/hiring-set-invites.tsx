import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { InvitesPanel } from '@/features/invites/components/invites-panel';
import { setPath } from '@/features/question-sets/components/set-tabs';
import { SetFrame } from './hiring-set-frame';

export function Component() {
  const { t } = useTranslation();
  const { orgId = '', setId = '' } = useParams();
  return (
    <SetFrame orgId={orgId} setId={setId} page={t('invites.tab')}>
      <InvitesPanel orgId={orgId} setId={setId} resultsPath={`${setPath(orgId, setId)}/results`} />
    </SetFrame>
  );
}
