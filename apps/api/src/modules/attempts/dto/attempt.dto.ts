import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OVERDUE_POLICIES, type OverduePolicy } from '@goprep/domain';
import { CONTENT_LOCALES, type ContentLocale } from '../../../common/i18n/content-locale';
import { FALLBACK_REASONS, type FallbackReason } from '../../questions/translated-text';
import { ApiSchemaRules } from '../../../common/http/api-schema-rules';
import { BoundedInt } from '../../../common/http/int';
import { TEMPLATE_LEVELS, TOPIC_IDS, type TemplateLevelId, type TopicId } from '@goprep/question-bank';
import { ReviewJudgeDto } from '../../judge/dto/judge.dto';

export const ATTEMPT_MODES = ['quick', 'mock'] as const;
const ATTEMPT_STATES = ['in_progress', 'submitted', 'abandoned'];
const GRADE_STATUSES = ['correct', 'partial', 'incorrect', 'pending', 'unanswered'];

export class DifficultyRangeDto {
  @BoundedInt({ min: 1, max: 5 }) min!: number;
  @BoundedInt({ min: 1, max: 5 }) max!: number;
}

/**
 * A mode's fields are required in that mode and checked whenever they are sent, in either mode: the
 * document states one schema per field, so a malformed value is refused even where it would be unused.
 */
/** Required for a quick quiz drawn from topics (not one question practised on its own); checked whenever sent. */
const topicQuizField =
  (field: keyof StartAttemptDto) =>
  (o: StartAttemptDto): boolean =>
    (o.mode === 'quick' && o.questionId === undefined) || o[field] !== undefined;
const mockField =
  (field: keyof StartAttemptDto) =>
  (o: StartAttemptDto): boolean =>
    o.mode === 'mock' || o[field] !== undefined;

/**
 * Start a quick quiz (`mode: 'quick'`: topics, difficulty, count, time limit) or a mock interview
 * (`mode: 'mock'`: a role template and a level). Fields of the other mode are checked but not used.
 */
@ApiSchemaRules({
  description: "mode 'quick' requires topics, count and timeLimitMinutes; mode 'mock' requires template and level. Fields of the other mode are checked but not used.",
  oneOf: [
    { properties: { mode: { enum: ['quick'] } }, required: ['topics', 'count', 'timeLimitMinutes'] },
    { properties: { mode: { enum: ['mock'] } }, required: ['template', 'level'] },
  ],
})
export class StartAttemptDto {
  @ApiProperty({ enum: ATTEMPT_MODES })
  @IsIn(ATTEMPT_MODES as unknown as string[], { message: `mode must be one of: ${ATTEMPT_MODES.join(', ')}` })
  mode!: (typeof ATTEMPT_MODES)[number];

  @ApiPropertyOptional({ enum: TOPIC_IDS, isArray: true, description: 'quick: the topics to draw from (not with questionId)' })
  @ValidateIf(topicQuizField('topics'))
  @ArrayMinSize(1)
  @ArrayMaxSize(TOPIC_IDS.length)
  @ArrayUnique()
  @IsIn(TOPIC_IDS as unknown as string[], { each: true, message: `each topic must be one of: ${TOPIC_IDS.join(', ')}` })
  topics?: TopicId[];

  @ApiPropertyOptional({ type: DifficultyRangeDto, description: 'quick: inclusive difficulty range (default 1-5)' })
  @ValidateIf((o: StartAttemptDto) => o.difficulty !== undefined)
  @ValidateNested()
  @Type(() => DifficultyRangeDto)
  difficulty?: DifficultyRangeDto;

  @ValidateIf(topicQuizField('count'))
  @BoundedInt({ min: 1, max: 50, conditional: true, description: 'quick: number of questions (not with questionId)' })
  count?: number;

  @ValidateIf(topicQuizField('timeLimitMinutes'))
  @BoundedInt({ min: 1, max: 180, conditional: true, description: 'quick: time limit in minutes (optional with questionId: 180)' })
  timeLimitMinutes?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'quick: also draw code tasks to write (default false: a task takes ~15 minutes)' })
  @IsOptional()
  @IsBoolean()
  includeCodeTasks?: boolean;

  @ApiPropertyOptional({
    example: 'gl-fanout-early-return-task',
    description: 'quick: practise exactly this bank question as a one-item attempt (topics and count are not used; time limit default 180 minutes)',
  })
  @ValidateIf((o: StartAttemptDto) => o.questionId !== undefined)
  @IsString()
  @MaxLength(200)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'questionId must be a question id' })
  questionId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'quick: shuffle the options of each question (default true)' })
  @IsOptional()
  @IsBoolean()
  shuffleOptions?: boolean;

  @ApiPropertyOptional({ example: 'sre', description: 'mock: a role template id (libs/question-bank/templates)' })
  @ValidateIf(mockField('template'))
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'template must be a template id' })
  template?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LEVELS, description: 'mock: the level' })
  @ValidateIf(mockField('level'))
  @IsIn(TEMPLATE_LEVELS as unknown as string[], { message: `level must be one of: ${TEMPLATE_LEVELS.join(', ')}` })
  level?: TemplateLevelId;

  @ApiPropertyOptional({ enum: OVERDUE_POLICIES, description: 'What happens at the deadline (default auto-submit)' })
  @IsOptional()
  @IsIn(OVERDUE_POLICIES as unknown as string[], { message: `overduePolicy must be one of: ${OVERDUE_POLICIES.join(', ')}` })
  overduePolicy?: OverduePolicy;

  @BoundedInt({ min: 1, max: 1440, optional: true, description: 'grace-period: minutes after the deadline to submit (default 10)' })
  overdueGraceMinutes?: number;
}

export class SaveAnswerDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The response for the item\'s type (e.g. `{ "choice": "b" }`, `{ "lines": [7] }`, `{ "text": "1\\n2" }`); null clears it',
  })
  @IsDefined({ message: 'response is required (null clears the answer)' })
  @ValidateIf((o: SaveAnswerDto) => o.response !== null)
  @IsObject({ message: 'response must be an object or null' })
  response!: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: Boolean, description: 'Marked for review; unchanged when absent' })
  @IsOptional()
  @IsBoolean()
  flagged?: boolean;

  @BoundedInt({ max: 2_000_000_000, optional: true, description: 'Total time spent on the item so far, in ms; unchanged when absent' })
  timeSpentMs?: number;

  @BoundedInt({ optional: true, description: 'Save only if the stored revision is this one (0 = never saved); else 409' })
  ifRevision?: number;
}

export class AnswerSavedDto {
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Increases with every change; an identical save keeps it' }) revision!: number;
  @ApiProperty() savedAt!: string;
  @ApiProperty() flagged!: boolean;
  @ApiProperty() timeSpentMs!: number;
  @ApiProperty() answered!: boolean;
}

export class TallyDto {
  @ApiProperty() items!: number;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty() correct!: number;
  @ApiProperty() partial!: number;
  @ApiProperty() incorrect!: number;
  @ApiProperty() unanswered!: number;
  @ApiProperty({ description: 'Essays waiting for a person; not in score or maxScore yet' }) pending!: number;
}

export class TopicTallyDto extends TallyDto {
  @ApiProperty() topic!: string;
}

export class DifficultyTallyDto extends TallyDto {
  @ApiProperty() difficulty!: number;
}

export class AttemptScoreDto extends TallyDto {
  @ApiProperty({ type: [TopicTallyDto] }) byTopic!: TopicTallyDto[];
  @ApiProperty({ type: [DifficultyTallyDto] }) byDifficulty!: DifficultyTallyDto[];
  @ApiProperty() timeTakenSeconds!: number;
}

/** What an attempt's title says, as facts a client renders in the reader's language (topic and template names). */
export class AttemptTitleFactsDto {
  @ApiProperty({ enum: ['quick', 'mock', 'set'] }) kind!: 'quick' | 'mock' | 'set';
  @ApiPropertyOptional({ type: [String], description: 'quick: the topic ids drawn from' }) topics?: string[];
  @ApiPropertyOptional({ description: 'mock: the role template id' }) template?: string;
  @ApiPropertyOptional({ enum: TEMPLATE_LEVELS, description: 'mock: the level' }) level?: string;
  @ApiPropertyOptional({ description: 'set: the question set title as its authors wrote it' }) setTitle?: string;
}

export class AttemptSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['quick', 'mock', 'set'] }) mode!: string;
  @ApiProperty({ description: 'The title as stored (English, topic ids); kept for older clients: render titleFacts instead' }) title!: string;
  @ApiProperty({ type: AttemptTitleFactsDto, description: 'The facts of the title, for rendering it in the reader\'s language' }) titleFacts!: AttemptTitleFactsDto;
  @ApiProperty({ enum: ATTEMPT_STATES }) state!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() deadlineAt!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The deadline for attempts closed by the overdue policy' }) finishedAt!: string | null;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ type: AttemptScoreDto, nullable: true, description: 'After submission, if the review policy shows scores' })
  result!: AttemptScoreDto | null;
}

export class DeliveryOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

export class SavedAnswerDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) response!: Record<string, unknown> | null;
  @ApiProperty() flagged!: boolean;
  @ApiProperty() timeSpentMs!: number;
  @ApiProperty() revision!: number;
  @ApiProperty() savedAt!: string;
}

/**
 * A question as it is shown before it is answered (quiz runner, candidate page, drill screen): no
 * key, no explanation, no option feedback.
 */
/** The language a question's text was delivered in; English with `fallback` when the asked one had no current translation. */
export class ContentLocaleFieldsDto {
  @ApiProperty({ enum: CONTENT_LOCALES, description: 'The language of title, prompt, options (and, in a review, explanation and feedback)' })
  contentLocale!: ContentLocale;
  @ApiProperty({ description: 'True when another language was asked for and this question is delivered in English instead' })
  fallback!: boolean;
  @ApiPropertyOptional({ enum: FALLBACK_REASONS, description: 'Why English was delivered: no translation, or one made from an older English version' })
  fallbackReason?: FallbackReason;
}

/** What a learner needs to work on a code task: the editable files' starters and the visible tests (never hidden tests or the solution). */
export class DeliveredCodeTaskDto {
  @ApiProperty({ type: [String], description: 'The editable file names, in order' }) files!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'File name -> starter source' })
  starter!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Visible test file name -> source (what "Run" executes)' })
  visibleTests!: Record<string, string>;
}

export class DeliveredQuestionDto extends ContentLocaleFieldsDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty() type!: string;
  @ApiProperty() prompt!: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional({
    type: [DeliveryOptionDto],
    description: 'In the order to show them. Ordering: the items, shuffled. Matching: the right-hand choices, shuffled',
  })
  options?: DeliveryOptionDto[];
  @ApiPropertyOptional({ type: [DeliveryOptionDto], description: 'Matching: the left-hand items, each to be paired with one of `options`' })
  matchItems?: DeliveryOptionDto[];
  @ApiProperty() expectedSeconds!: number;
  @ApiPropertyOptional({ type: DeliveredCodeTaskDto, description: 'code-task: starter files and visible tests' }) task?: DeliveredCodeTaskDto;
}

/** An item of an attempt as the runner shows it: the delivered question, its place, points and saved answer. */
export class DeliveryItemDto extends DeliveredQuestionDto {
  @ApiProperty() position!: number;
  @ApiProperty() points!: number;
  @ApiProperty({ type: SavedAnswerDto, nullable: true }) answer!: SavedAnswerDto | null;
}

export class AttemptDeliveryDto extends AttemptSummaryDto {
  @ApiProperty({ description: "The server's clock when this was sent: count down from deadlineAt - now" }) now!: string;
  @ApiProperty() timeLimitSeconds!: number;
  @ApiProperty({ description: 'Saves are accepted until deadlineAt + this' }) graceMs!: number;
  @ApiProperty({ enum: OVERDUE_POLICIES }) overduePolicy!: string;
  @ApiProperty({ type: [DeliveryItemDto] }) items!: DeliveryItemDto[];
}

export class ReviewOptionDto extends DeliveryOptionDto {
  @ApiProperty() correct!: boolean;
  @ApiPropertyOptional() feedback?: string;
}

export class ReviewItemDto extends ContentLocaleFieldsDto {
  @ApiProperty() position!: number;
  @ApiProperty() questionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty() type!: string;
  @ApiProperty() prompt!: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional({ type: [ReviewOptionDto] }) options?: ReviewOptionDto[];
  @ApiPropertyOptional({ type: [DeliveryOptionDto], description: 'Matching: the left-hand items' }) matchItems?: DeliveryOptionDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: "The learner's answer" })
  response!: Record<string, unknown> | null;
  @ApiProperty() flagged!: boolean;
  @ApiProperty() timeSpentMs!: number;
  @ApiProperty({ enum: GRADE_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Points earned; null while pending' }) score!: number | null;
  @ApiProperty() points!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answer key, by type' }) key!: Record<string, unknown>;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [String] }) references!: string[];
  @ApiPropertyOptional({ type: [String], description: 'code-output: what running the program prints (verified with Go)' })
  verifiedOutput?: string[];
  @ApiPropertyOptional({ type: [Number], description: 'code-lines: the lines the verifier confirmed' }) verifiedLines?: number[];
  @ApiPropertyOptional({ type: ReviewJudgeDto, description: 'code-task: how the final code (the response) was judged with the hidden tests' })
  judge?: ReviewJudgeDto;
}

export class AttemptReviewDto {
  @ApiProperty({ type: AttemptSummaryDto }) attempt!: AttemptSummaryDto;
  @ApiProperty({ type: [ReviewItemDto] }) items!: ReviewItemDto[];
}

export class TopicTrendPointDto {
  @ApiProperty() attemptId!: string;
  @ApiProperty() finishedAt!: string;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
}

export class TopicTrendDto {
  @ApiProperty() topic!: string;
  @ApiProperty({ type: [TopicTrendPointDto], description: 'Oldest first' }) points!: TopicTrendPointDto[];
}

export class AttemptHistoryDto {
  @ApiProperty({ type: [AttemptSummaryDto], description: 'Newest first (at most 100)' }) attempts!: AttemptSummaryDto[];
  @ApiProperty({ type: [TopicTrendDto] }) topicTrend!: TopicTrendDto[];
}
