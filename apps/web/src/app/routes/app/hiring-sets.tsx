import { useParams } from 'react-router';
import { SetListPage } from '@/features/question-sets/components/set-list';

export function Component() {
  const { orgId = '' } = useParams();
  return <SetListPage key={orgId} orgId={orgId} />;
}
