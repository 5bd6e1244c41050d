import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useSet } from '@/features/question-sets/api/get-set';
import { StatisticsView } from '@/features/results/components/statistics-view';
import { SetFrame } from './hiring-set-frame';

export function Component() {
  const { t } = useTranslation();
  const { orgId = '', setId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const set = useSet(orgId, setId);
  const published = (set.data?.versions ?? []).filter((v) => v.state === 'published').map((v) => v.version);
  const asked = Number(params.get('version'));
  const version = published.includes(asked) ? asked : (published[published.length - 1] ?? 0);
  return (
    <SetFrame orgId={orgId} setId={setId} page={t('results.stats.tab')}>
      {set.data ? (
        <StatisticsView orgId={orgId} setId={setId} versions={published} version={version} onVersion={(v) => setParams({ version: String(v) }, { replace: true })} />
      ) : null}
    </SetFrame>
  );
}
