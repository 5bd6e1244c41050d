import { z } from 'zod';
import { TOPIC_IDS, type QuestionType } from '../model';
import { kebabCase } from '../schema/front-matter';

/*
 * The role template file (libs/question-bank/templates/<id>.yaml) as a zod schema. Keys are
 * snake_case like the question front matter, because authors write both; the loader maps them to
 * the camelCase model. Objects are strict so a misspelt key is reported, not ignored.
 */

export const TEMPLATE_LEVELS = ['junior', 'senior', 'staff'] as const;
export type TemplateLevelId = (typeof TEMPLATE_LEVELS)[number];

/** Types a pool may name. Flashcards are self-rated drill cards, never part of a graded set. */
export const TEMPLATE_TYPES = [
  'single',
  'multi',
  'true-false',
  'short',
  'numeric',
  'code-output',
  'code-lines',
  'code-task',
  'essay',
] as const satisfies readonly QuestionType[];

/**
 * What a pool without `types` draws: every auto-graded type except code tasks. Essays and code
 * tasks are left out on purpose: either costs a candidate ~10-15 minutes (and an essay a person's
 * grading), so a template asks for them explicitly.
 */
export const DEFAULT_POOL_TYPES: readonly QuestionType[] = TEMPLATE_TYPES.filter((type) => type !== 'essay' && type !== 'code-task');

const difficulty = z.int().min(1).max(5);

export const templatePoolSchema = z.strictObject({
  topic: z.enum(TOPIC_IDS),
  count: z.int().min(1).max(50),
  difficulty: z
    .tuple([difficulty, difficulty])
    .refine(([min, max]) => min <= max, { error: 'difficulty must be [min, max] with min <= max' }),
  types: z.array(z.enum(TEMPLATE_TYPES)).min(1).optional(),
  exclude_tags: z.array(kebabCase).min(1).optional(),
});

export const templateLevelSchema = z.strictObject({
  time_limit_minutes: z.int().min(1).max(480),
  pools: z.array(templatePoolSchema).min(1),
});

export const templateFileSchema = z.strictObject({
  id: kebabCase.min(3).max(80),
  title: z.string().min(1).max(100),
  description: z.string().min(1),
  levels: z.strictObject({
    junior: templateLevelSchema,
    senior: templateLevelSchema,
    staff: templateLevelSchema,
  }),
});

export type TemplateFile = z.output<typeof templateFileSchema>;
