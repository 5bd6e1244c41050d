import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { CompareView } from '@/features/results/components/compare-view';
import { setPath } from '@/features/question-sets/components/set-tabs';
import { SetFrame } from './hiring-set-frame';

export function Component() {
  const { t } = useTranslation();
  const { orgId = '', setId = '' } = useParams();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return (
    <SetFrame orgId={orgId} setId={setId} page={t('results.compare.title')}>
      <CompareView orgId={orgId} ids={ids} resultsPath={`${setPath(orgId, setId)}/results`} />
    </SetFrame>
  );
}
