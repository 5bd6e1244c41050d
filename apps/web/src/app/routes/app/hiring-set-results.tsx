import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ResultsTable } from '@/features/results/components/results-table';
import { setPath } from '@/features/question-sets/components/set-tabs';
import { SetFrame } from './hiring-set-frame';

export function Component() {
  const { t } = useTranslation();
  const { orgId = '', setId = '' } = useParams();
  return (
    <SetFrame orgId={orgId} setId={setId} page={t('results.tab')}>
      <ResultsTable orgId={orgId} setId={setId} basePath={`${setPath(orgId, setId)}/results`} csvName={`results-${setId.slice(0, 8)}.csv`} />
    </SetFrame>
  );
}
