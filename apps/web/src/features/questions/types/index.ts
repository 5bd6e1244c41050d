import type { Schemas } from '@/lib/api-client';

export type Topic = Schemas['TopicDto'];
export type QuestionSummary = Schemas['QuestionSummaryDto'];
export type QuestionPage = Schemas['QuestionPageDto'];
export type QuestionDetail = Schemas['LocalizedQuestionDto'];
export type QuestionType = QuestionSummary['type'];

export { QUESTION_TYPES } from '@goprep/domain';

/** Filters as they sit in the URL (strings); converted to the API's types when fetching. */
export type QuestionFilters = {
  topic?: string | undefined;
  type?: string | undefined;
  difficulty?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};
export type CheckResult = Schemas['CheckResultDto'];
