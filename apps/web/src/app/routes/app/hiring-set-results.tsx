import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ResultsTable } from '@/features/results/components/results-table';
import { useSet } from '@/features/question-sets/api/get-set';
import { setPath } from '@/features/question-sets/components/set-tabs';
import { resultsCsvName } from '@/features/results/utils/csv-name';
import { SetFrame } from './hiring-set-frame';

export function Component() {
  const { t } = useTranslation();
  const { orgId = '', setId = '' } = useParams();
  const set = useSet(orgId, setId);
  return (
    <SetFrame orgId={orgId} setId={setId} page={t('results.tab')}>
      <ResultsTable orgId={orgId} setId={setId} basePath={`${setPath(orgId, setId)}/results`} csvName={set.data ? resultsCsvName(set.data.title, new Date()) : undefined} />
    </SetFrame>
  );
}
