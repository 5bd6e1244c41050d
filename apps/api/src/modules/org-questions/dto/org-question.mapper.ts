import type { QuestionVersionEntity } from '../../questions/question.entities';
import { mapPreview } from '../../questions/questions.service';
import { toInput } from '../org-question-input';
import type { OrgQuestionDto, OrgQuestionInputDto, OrgQuestionSummaryDto } from './org-question.dto';
import type { OrgQuestionRow, OrgQuestionSummaryRow } from '../org-questions.repository';

export function mapOrgQuestion(q: OrgQuestionRow, v: QuestionVersionEntity): OrgQuestionDto {
  return {
    ...mapPreview(v),
    organizationId: q.organization_id,
    createdAt: q.created_at.toISOString(),
    updatedAt: q.updated_at.toISOString(),
    source: toInput(v) as unknown as OrgQuestionInputDto,
  };
}

export function mapOrgQuestionSummary(r: OrgQuestionSummaryRow): OrgQuestionSummaryDto {
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    topic: r.topic_id,
    type: r.type,
    difficulty: r.difficulty,
    tags: r.tags,
    hasCode: r.has_code,
    verification: r.verification,
    updatedAt: r.updated_at.toISOString(),
  };
}
