import type { BankProblem, QuestionType, TopicId } from '../model';
import type { TemplateLevelId } from './schema';

/**
 * A loaded role template. A pool is structurally a `QuestionPool` of @goprep/domain, so a level's
 * pools go to `drawFromPools` as they are.
 */
export interface TemplatePool {
  topic: TopicId;
  count: number;
  difficulty: readonly [min: number, max: number];
  /** Always set: the file's `types`, or every auto-graded type when the file names none. */
  types: readonly QuestionType[];
  excludeTags: readonly string[];
  /** File line of the pool in its template, for messages. */
  line: number;
}

export interface TemplateLevel {
  level: TemplateLevelId;
  timeLimitMinutes: number;
  pools: TemplatePool[];
}

export interface RoleTemplate {
  id: string;
  title: string;
  description: string;
  levels: Record<TemplateLevelId, TemplateLevel>;
  /** Repository-relative path of the file, for messages. */
  sourcePath: string;
}

export interface LoadedTemplates {
  templates: RoleTemplate[];
  problems: BankProblem[];
}
