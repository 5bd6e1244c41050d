import { useParams } from 'react-router';
import { SetVersionPage } from '@/features/question-sets/components/set-version-view';
import { Component as NotFound } from '../not-found';

export function Component() {
  const { orgId = '', setId = '', version = '' } = useParams();
  const n = Number(version);
  if (!Number.isInteger(n) || n < 1) return <NotFound />;
  return <SetVersionPage key={`${orgId}/${setId}/${n}`} orgId={orgId} setId={setId} version={n} />;
}
