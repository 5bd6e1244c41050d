import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { BoundedInt } from '../../../common/http/int';
import { PagedQuery, PagedResponse } from '../../../common/http/paging';
import { ContentLocaleFieldsDto, DeliveredQuestionDto, DeliveryOptionDto } from '../../attempts/dto/attempt.dto';
import { MAX_DESIRED_RETENTION, MAX_INTERVAL_LIMIT_DAYS, MAX_NEW_CARDS_PER_DAY, MIN_DESIRED_RETENTION, SRS_CARD_STATES, SRS_RATINGS, RATING_SOURCES, type SrsRating } from '@goprep/domain';
import { TEMPLATE_LEVELS, TOPIC_IDS, type TemplateLevelId, type TopicId } from '@goprep/question-bank';

const GRADE_STATUSES = ['correct', 'partial', 'incorrect', 'pending', 'unanswered', 'self-rated'];

export class DrillSettingsDto {
  @ApiProperty({ example: 'Asia/Tokyo', description: 'IANA time zone: days are local days' }) timezone!: string;
  @ApiProperty({ minimum: 0, maximum: 23, description: 'Local hour the next day starts at' }) dayStartHour!: number;
  @ApiProperty({ minimum: 0.7, maximum: 0.97 }) desiredRetention!: number;
  @ApiProperty({ minimum: 1 }) maximumIntervalDays!: number;
  @ApiProperty({ minimum: 0 }) newCardsPerDay!: number;
  @ApiProperty({ type: [String], example: ['1m', '10m'] }) learningSteps!: string[];
  @ApiProperty({ type: [String], example: ['10m'] }) relearningSteps!: string[];
  @ApiProperty({ description: 'True when the learner has fitted FSRS parameters in use' }) personalWeights!: boolean;
}

/** Absent fields keep their current value; the result is checked as a whole (400 with every problem). */
export class UpdateDrillSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  // The ranges are documented here and checked by the domain (srsSettingsProblems), which reports every
  // problem at once; the DTO only refuses non-integers.
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 23 }) @IsOptional() @IsInt() dayStartHour?: number;
  @ApiPropertyOptional({ minimum: MIN_DESIRED_RETENTION, maximum: MAX_DESIRED_RETENTION }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) desiredRetention?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INTERVAL_LIMIT_DAYS }) @IsOptional() @IsInt() maximumIntervalDays?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_NEW_CARDS_PER_DAY }) @IsOptional() @IsInt() newCardsPerDay?: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(12, { each: true }) learningSteps?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(12, { each: true }) relearningSteps?: string[];
}

/**
 * Add cards from exactly one source: a topic, questions by id, an attempt (its missed items with
 * `onlyMissed`), or a role template's level (every question its pools draw from).
 */
export class AddToDeckDto {
  @ApiPropertyOptional({ enum: TOPIC_IDS })
  @IsOptional()
  @IsIn(TOPIC_IDS as unknown as string[], { message: `topic must be one of: ${TOPIC_IDS.join(', ')}` })
  topic?: TopicId;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  questionIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() attemptId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'attemptId: only the items that were not fully correct (default true)' })
  @IsOptional()
  @IsBoolean()
  onlyMissed?: boolean;

  @ApiPropertyOptional({ example: 'sre' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'template must be a template id' })
  template?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LEVELS })
  @IsOptional()
  @IsIn(TEMPLATE_LEVELS as unknown as string[], { message: `level must be one of: ${TEMPLATE_LEVELS.join(', ')}` })
  level?: TemplateLevelId;
}

export class DeckChangeDto {
  @ApiProperty({ description: 'Cards created' }) added!: number;
  @ApiProperty({ description: 'Questions already in the deck (left as they were)' }) skipped!: number;
  @ApiProperty({ description: 'Cards in the deck now' }) total!: number;
}

export class DrillCardStateDto {
  @ApiProperty() questionId!: string;
  @ApiProperty({ enum: SRS_CARD_STATES }) state!: string;
  @ApiProperty() due!: string;
  @ApiProperty() reps!: number;
  @ApiProperty() lapses!: number;
  @ApiProperty() suspended!: boolean;
  @ApiProperty({ description: 'Lapsed 8 times; stays set after unsuspending' }) leech!: boolean;
}

/** A question as the drill screen shows it before the answer (options in stored order). */
export class DrillQuestionDto extends DeliveredQuestionDto {}

export class IntervalPreviewDto {
  @ApiProperty({ example: '4d' }) label!: string;
  @ApiProperty() due!: string;
  @ApiProperty({ description: '0 for a (re)learning step' }) days!: number;
}

export class IntervalPreviewsDto {
  @ApiProperty({ type: IntervalPreviewDto }) again!: IntervalPreviewDto;
  @ApiProperty({ type: IntervalPreviewDto }) hard!: IntervalPreviewDto;
  @ApiProperty({ type: IntervalPreviewDto }) good!: IntervalPreviewDto;
  @ApiProperty({ type: IntervalPreviewDto }) easy!: IntervalPreviewDto;
}

export class DueCardDto {
  @ApiProperty() questionId!: string;
  @ApiProperty({ enum: SRS_CARD_STATES }) state!: string;
  @ApiProperty() due!: string;
  @ApiProperty() reps!: number;
  @ApiProperty() lapses!: number;
  @ApiProperty({ type: DrillQuestionDto }) question!: DrillQuestionDto;
  @ApiProperty({ type: IntervalPreviewsDto, description: 'Where each rating button would send the card' }) intervals!: IntervalPreviewsDto;
}

export class DueQueueDto {
  @ApiProperty({ description: "The server's clock" }) now!: string;
  @ApiProperty({ example: '2026-11-21', description: "The learner's local day" }) day!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() dueCount!: number;
  @ApiProperty() newCount!: number;
  @ApiProperty({ type: [DueCardDto], description: 'Due cards (earliest first), then new cards within the daily limit' }) cards!: DueCardDto[];
}

export class SubmitReviewDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the client; the same id again returns the same result' })
  @IsUUID()
  reviewId!: string;

  @ApiProperty() @IsString() @MaxLength(120) questionId!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The answer, as for attempts (e.g. `{ "choice": "b" }`); graded on the server' })
  @IsOptional()
  @IsObject()
  response?: Record<string, unknown>;

  @ApiPropertyOptional({ type: Boolean, description: '"I guessed": a correct answer still rates Again' })
  @IsOptional()
  @IsBoolean()
  guessed?: boolean;

  @BoundedInt({ max: 86_400_000, description: 'Time spent on the card in ms' })
  durationMs!: number;

  @ApiPropertyOptional({ enum: SRS_RATINGS, description: 'Override of the suggested rating; Easy only this way' })
  @IsOptional()
  @IsIn(SRS_RATINGS as unknown as string[], { message: `rating must be one of: ${SRS_RATINGS.join(', ')}` })
  rating?: SrsRating;

  @BoundedInt({ min: 1, max: 4, optional: true, description: 'Flashcard and essay: 1 Again, 2 Hard, 3 Good, 4 Easy' })
  selfRating?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Code task: the finished judge run of your code for this card (POST /drills/cards/{questionId}/judge); its verdict grades the card (passed: Good, else Again)",
  })
  @IsOptional()
  @IsUUID()
  judgeRunId?: string;
}

export class JudgeCardDto {
  @ApiProperty({
    description: "File name -> Go source: exactly the task's editable files",
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'cache.go': 'package cache\n' },
  })
  @IsObject()
  files!: Record<string, string>;
}

export class RevealedOptionDto extends DeliveryOptionDto {
  @ApiProperty() correct!: boolean;
  @ApiPropertyOptional() feedback?: string;
}

export class ReviewResultDto extends ContentLocaleFieldsDto {
  @ApiProperty() reviewId!: string;
  @ApiProperty() questionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty({ enum: GRADE_STATUSES, description: 'The verdict of auto-grading; self-rated for flashcards and essays' }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Raw correctness; null when self-rated' }) correct!: boolean | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answer key (shown now: the learner has answered)' }) key!: Record<string, unknown>;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [String] }) references!: string[];
  @ApiPropertyOptional({ type: [RevealedOptionDto] }) options?: RevealedOptionDto[];
  @ApiProperty({ enum: SRS_RATINGS, nullable: true, type: String }) suggestedRating!: string | null;
  @ApiProperty({ enum: SRS_RATINGS }) rating!: string;
  @ApiProperty({ enum: RATING_SOURCES }) ratingSource!: string;
  @ApiProperty({ description: 'When the card comes back' }) nextDue!: string;
  @ApiProperty() scheduledDays!: number;
  @ApiProperty({ enum: SRS_CARD_STATES }) state!: string;
  @ApiProperty() lapses!: number;
  @ApiProperty({ description: 'This review made the card a leech: it is suspended until the learner unsuspends it' }) leech!: boolean;
  @ApiProperty() suspended!: boolean;
  @ApiProperty({ description: 'The review has been undone' }) undone!: boolean;
}

export class UndoResultDto {
  @ApiProperty() reviewId!: string;
  @ApiProperty({ type: DrillCardStateDto, description: 'The card as it was before the review' }) card!: DrillCardStateDto;
}

export class DayCountDto {
  @ApiProperty({ example: '2026-11-21' }) day!: string;
  @ApiProperty() count!: number;
}

export class ReviewDayDto extends DayCountDto {
  @ApiProperty({ description: 'Of which rated Again' }) again!: number;
}

export class RetentionDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Share of non-Again ratings among reviews of review-state cards; null without any' })
  trueRetention!: number | null;
  @ApiProperty() desiredRetention!: number;
  @ApiProperty({ description: 'Reviews of review-state cards counted' }) reviews!: number;
}

export class TopicRetentionDto {
  @ApiProperty() topic!: string;
  @ApiProperty() cards!: number;
  @ApiProperty() reviews!: number;
  @ApiProperty({ type: Number, nullable: true }) trueRetention!: number | null;
}

/** The latest evaluation of the learner's personal FSRS parameters (the optimizer job). */
export class DrillOptimizationDto {
  @ApiProperty() evaluatedAt!: string;
  @ApiProperty({ enum: ['first', 'doubled', 'monthly'], description: 'Why the job ran: first fit, reviews doubled, or a month passed' }) reason!: string;
  @ApiProperty({ enum: ['switched', 'kept', 'not-enough-data', 'failed'] }) outcome!: string;
  @ApiProperty({ description: 'Reviews the learner had' }) reviewCount!: number;
  @ApiProperty({ description: 'Trainable items (reviews on a later day than the previous one)' }) itemCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Log loss of the parameters in use before, on the time-split test items' }) currentLogLoss!: number | null;
  @ApiProperty({ type: Number, nullable: true }) currentRmse!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Time-split log loss of the fitted parameters' }) fittedLogLoss!: number | null;
  @ApiProperty({ type: Number, nullable: true }) fittedRmse!: number | null;
  @ApiProperty({ description: 'The fitted parameters were better and are in use since' }) switched!: boolean;
}

export class DrillStatsDto {
  @ApiProperty() day!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ description: 'Cards the learner can review now (countDueToday): the due count of GET /drills/due; new cards not counted' }) dueToday!: number;
  @ApiProperty({ description: 'Consecutive local days with reviews, up to today (or yesterday while today has none yet)' }) streak!: number;
  @ApiProperty({ description: 'Suspended cards in the deck (leeches included)' }) suspendedCount!: number;
  @ApiProperty({ description: 'Cards flagged as leeches' }) leechCount!: number;
  @ApiProperty({ description: 'Personal fitted FSRS parameters are in use' }) personalWeights!: boolean;
  @ApiProperty({ type: DrillOptimizationDto, nullable: true, description: 'The latest optimizer evaluation; null before the first' })
  optimization!: DrillOptimizationDto | null;
  @ApiProperty({ type: [ReviewDayDto], description: 'The last 30 local days, oldest first (today last)' }) reviewsPerDay!: ReviewDayDto[];
  @ApiProperty({ type: RetentionDto, description: 'Over the last 30 local days' }) retention!: RetentionDto;
  @ApiProperty({ type: [DayCountDto], description: 'Cards due on each of the next 30 local days (today includes overdue); new cards are not counted' })
  forecast!: DayCountDto[];
  @ApiProperty({ type: [TopicRetentionDto] }) byTopic!: TopicRetentionDto[];
}

export const DECK_FILTERS = ['all', 'suspended'] as const;

export class DeckQueryDto {
  @ApiPropertyOptional({ enum: DECK_FILTERS, description: 'suspended: only suspended cards (leeches included); default all' })
  @IsOptional()
  @IsIn(DECK_FILTERS as unknown as string[], { message: `filter must be one of: ${DECK_FILTERS.join(', ')}` })
  filter?: (typeof DECK_FILTERS)[number];
}

export class DeckCardDto extends DrillCardStateDto {
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: String, nullable: true }) lastReview!: string | null;
}

export class DeckListDto {
  @ApiProperty({ type: [DeckCardDto], description: 'Leeches first, then by lapses' }) cards!: DeckCardDto[];
}

export const DECK_PAGE = { default: 200, max: 500 };

export class DeckPageQueryDto extends PagedQuery(DECK_PAGE.default, DECK_PAGE.max, DeckQueryDto) {}

/** One page of the deck, in the same order. */
export class DeckPageDto extends PagedResponse(DeckListDto, 'Cards matching the filter, over all pages') {}

export class LapseHeavyQueryDto {
  @BoundedInt({ min: 1, max: 1000, optional: true, query: true, description: 'Least reviews of graduated cards a question needs to be ranked (default 5)' })
  minReviews?: number;

  @BoundedInt({ min: 1, max: 200, optional: true, query: true, description: 'default 50' })
  limit?: number;
}

export class LapseHeavyQuestionDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ description: 'Learners with reviews of it' }) learners!: number;
  @ApiProperty({ description: 'Reviews of graduated (review-state) cards' }) reviews!: number;
  @ApiProperty({ description: 'Of those, forgotten (rated Again)' }) lapses!: number;
  @ApiProperty({ description: 'lapses / reviews' }) lapseRate!: number;
  @ApiProperty({ description: 'Learners for whom it became a leech' }) leeches!: number;
}

export class LapseHeavyListDto {
  @ApiProperty() minReviews!: number;
  @ApiProperty({ type: [LapseHeavyQuestionDto], description: 'Highest lapse rate first' }) questions!: LapseHeavyQuestionDto[];
}
