import { applyOptionOrder, reviewAccess, splitMatchingOptions, structuredOptionOrder, textSeed, type AnswerKey, type AttemptResult } from '@goprep/domain';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { deliveredText, reviewedText, type TranslationColumns, type TranslationReviewColumns } from '../questions/translated-text';
import type { AttemptRow } from './attempt-rows';
import type { AttemptScoreDto, AttemptSummaryDto, AttemptTitleFactsDto, DeliveryItemDto, ReviewItemDto } from './dto/attempt.dto';

type PlacedText = { id: string; text: string; side?: 'left' | 'right' };
type StoredOption = { id: string; text: string; correct: boolean; feedback?: string; side?: 'left' | 'right' };

/** An item joined with its pinned version, its translation and the saved answer, without key columns. */
export interface DeliveryItemRow extends Partial<TranslationColumns> {
  position: number;
  option_order: string[] | null;
  points: string;
  question_id: string;
  version: number;
  title: string;
  topic_id: string;
  type: string;
  difficulty: number;
  prompt: string;
  code: string | null;
  options: StoredOption[] | null;
  unit: string | null;
  expected_seconds: number;
  response: Record<string, unknown> | null;
  flagged: boolean | null;
  time_spent_ms: number | null;
  revision: number | null;
  saved_at: Date | null;
  /** code-task items in a delivery: starter files and visible tests only (the delivery query selects no more). */
  task?: { files: string[]; starter: Record<string, string>; visibleTests: Record<string, string> } | null;
}

/** The same with the review columns. Only the review query selects these. */
export interface ReviewItemRow extends DeliveryItemRow, Partial<TranslationReviewColumns> {
  answer_key: AnswerKey;
  explanation: string;
  references: string[];
  score: string | null;
  status: string | null;
}

export function mapScore(result: AttemptResult): AttemptScoreDto {
  return { ...result, byTopic: result.byTopic.map((t) => ({ ...t })), byDifficulty: result.byDifficulty.map((d) => ({ ...d })) };
}

/**
 * The facts an attempt's title is made of. Every attempt stores them in `config` (quick: topics,
 * mock: template and level) beside the English `title`; a row without them keeps its stored title.
 */
export function titleFacts(row: Pick<AttemptRow, 'mode' | 'config'>): AttemptTitleFactsDto {
  const { quick, mock } = row.config;
  if (row.mode === 'quick' && quick && Array.isArray(quick.topics) && quick.topics.length > 0) return { kind: 'quick', topics: [...quick.topics] };
  if (row.mode === 'mock' && mock?.template && mock.level) return { kind: 'mock', template: mock.template, level: mock.level };
  if (row.mode === 'set') return { kind: 'set', setTitle: row.config.title };
  return { kind: row.mode };
}

export function mapSummary(row: AttemptRow): AttemptSummaryDto {
  const access = reviewAccess(row.review_policy, row.state);
  return {
    id: row.id,
    mode: row.mode,
    title: row.config.title,
    titleFacts: titleFacts(row),
    state: row.state,
    startedAt: row.started_at.toISOString(),
    deadlineAt: row.deadline_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    itemCount: row.item_count,
    result: access.score && row.result ? mapScore(row.result) : null,
  };
}

/** What delivery and review both show of an item's question, in the delivered language: never key material. */
function itemQuestion(row: DeliveryItemRow, locale: ContentLocale) {
  const text = deliveredText(row, locale);
  return {
    text,
    fields: {
      position: row.position,
      questionId: row.question_id,
      version: row.version,
      title: text.title,
      topic: row.topic_id,
      difficulty: row.difficulty,
      type: row.type,
      prompt: text.prompt,
      ...(row.code !== null ? { code: row.code } : {}),
      ...(text.unit !== null ? { unit: text.unit } : {}),
      ...text.info,
    },
  };
}

/**
 * The options of a question shown outside an attempt (question page, drills): ordering and matching
 * get a stable shuffle seeded by question and version (never the key order); others keep theirs.
 */
export function shownOutsideAttempt<T extends PlacedText>(type: string, questionId: string, version: number, options: readonly T[]): { options: T[]; matchItems?: T[] } {
  return shownOptions(type, options, structuredOptionOrder(type, options, textSeed(`${questionId}:${version}`)));
}

/**
 * The options of an item as shown: in the attempt's stored order; for matching, the right-hand
 * choices as `options` and the left items as `matchItems`, so a client never has to tell them apart.
 */
export function shownOptions<T extends PlacedText>(type: string, options: readonly T[], order: readonly string[] | null): { options: T[]; matchItems?: T[] } {
  const shown = applyOptionOrder(options, order);
  if (type !== 'matching') return { options: shown };
  const { left, right } = splitMatchingOptions(shown);
  return { options: right, matchItems: left };
}

/** Only id and text of each option: `correct` and `feedback` are key material. */
export function mapDeliveryItem(row: DeliveryItemRow, locale: ContentLocale = 'en'): DeliveryItemDto {
  const { text, fields } = itemQuestion(row, locale);
  const shown = row.options ? shownOptions(row.type, row.options, row.option_order) : null;
  const plain = (o: StoredOption) => ({ id: o.id, text: text.optionText(o.id, o.text) });
  return {
    ...fields,
    ...(shown ? { options: shown.options.map(plain), ...(shown.matchItems ? { matchItems: shown.matchItems.map(plain) } : {}) } : {}),
    expectedSeconds: row.expected_seconds,
    ...(row.task ? { task: { files: [...row.task.files], starter: { ...row.task.starter }, visibleTests: { ...row.task.visibleTests } } } : {}),
    points: Number(row.points),
    answer:
      row.revision !== null && row.revision > 0 && row.saved_at
        ? {
            response: row.response,
            flagged: row.flagged ?? false,
            timeSpentMs: row.time_spent_ms ?? 0,
            revision: row.revision,
            savedAt: row.saved_at.toISOString(),
          }
        : null,
  };
}

export function mapReviewItem(row: ReviewItemRow, locale: ContentLocale = 'en'): ReviewItemDto {
  const { text, fields } = itemQuestion(row, locale);
  const placed = row.options ? shownOptions(row.type, row.options, row.option_order) : null;
  const shown = placed?.options ?? null;
  const reviewed = reviewedText(row, locale, shown?.map((o) => o.id));
  const key = reviewed.key;
  return {
    ...fields,
    ...(shown
      ? {
          options: shown.map((o) => {
            const feedback = reviewed.feedback(o.id, o.feedback);
            return { id: o.id, text: text.optionText(o.id, o.text), correct: o.correct, ...(feedback ? { feedback } : {}) };
          }),
          ...(placed?.matchItems ? { matchItems: placed.matchItems.map((o) => ({ id: o.id, text: text.optionText(o.id, o.text) })) } : {}),
        }
      : {}),
    response: row.response,
    flagged: row.flagged ?? false,
    timeSpentMs: row.time_spent_ms ?? 0,
    status: row.status ?? 'unanswered',
    score: row.score === null ? null : Number(row.score),
    points: Number(row.points),
    key: key as unknown as Record<string, unknown>,
    explanation: reviewed.explanation,
    references: row.references,
    // The bank's verifier runs every code question with Go; these are the outputs/lines it proved.
    ...(key.type === 'code-output' ? { verifiedOutput: key.outputs } : {}),
    ...(key.type === 'code-lines' ? { verifiedLines: key.lines } : {}),
  };
}
