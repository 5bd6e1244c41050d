import { useParams } from 'react-router';
import { SetBuilderPage } from '@/features/question-sets/components/set-builder';

export function Component() {
  const { orgId = '', setId = '' } = useParams();
  return <SetBuilderPage key={`${orgId}/${setId}`} orgId={orgId} setId={setId} />;
}
