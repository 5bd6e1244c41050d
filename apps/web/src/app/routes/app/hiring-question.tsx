import { useParams } from 'react-router';
import { OrgQuestionEditor } from '@/features/org-questions/components/org-question-editor';

export function Component() {
  const { orgId = '', id } = useParams();
  return <OrgQuestionEditor key={`${orgId}/${id ?? 'new'}`} orgId={orgId} id={id} />;
}
