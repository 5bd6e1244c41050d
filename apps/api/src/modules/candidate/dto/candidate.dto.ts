import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedInt } from '../../../common/http/int';
import { OptionalBody } from '../../../common/http/optional-body';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { REVIEW_POLICIES } from '@goprep/domain';
import { CONTENT_LOCALES, SET_LANGUAGES, type ContentLocale, type SetLanguage } from '../../../common/i18n/content-locale';
import { AttemptSummaryDto, ReviewItemDto } from '../../attempts/dto/attempt.dto';
import { CANDIDATE_STATES, type CandidateState } from '../../invites/invite-status';

export class CandidateSessionDto {
  @ApiProperty({ description: 'The token from the invite link (the part after #)' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token!: string;
}

/** The candidate page before, during and after the attempt. Expired, used and revoked are states. */
export class CandidateStatusDto {
  @ApiProperty({ enum: CANDIDATE_STATES }) state!: CandidateState;
  @ApiProperty() canStart!: boolean;
  @ApiProperty() candidateName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() instructions!: string;
  @ApiProperty({ description: 'Including any extra time granted' }) timeLimitSeconds!: number;
  @ApiProperty({ description: 'Questions in the test (fixed items plus pool draws)' }) itemCount!: number;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() attemptsAllowed!: number;
  @ApiProperty() attemptsUsed!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The newest attempt (open or closed)' }) attemptId!: string | null;
  @ApiProperty({ enum: REVIEW_POLICIES, description: 'What is shown after submitting' }) reviewPolicy!: string;
  @ApiProperty({ enum: SET_LANGUAGES, enumName: 'SetLanguage', description: 'The language of the questions; candidate-chooses: pick one at the start' })
  language!: SetLanguage;
}

/** Optional as a whole: a set in one language starts with no body at all. */
@OptionalBody()
export class StartCandidateDto {
  @ApiPropertyOptional({ enum: CONTENT_LOCALES, description: 'For a set whose language is candidate-chooses: the language to take it in (ignored otherwise)' })
  @IsOptional()
  @IsIn(CONTENT_LOCALES as unknown as string[], { message: `language must be one of: ${CONTENT_LOCALES.join(', ')}` })
  language?: ContentLocale;
}

export const SIGNAL_TYPES = ['paste', 'blur', 'focus', 'hidden', 'visible'] as const;

export class IntegritySignalDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The browser's id for the event: an event sent again (a reply lost to a reload or a dropped connection) is recorded once",
  })
  @IsOptional()
  @IsUUID()
  id?: string;
  @ApiProperty({ enum: SIGNAL_TYPES }) @IsIn(SIGNAL_TYPES as unknown as string[]) type!: (typeof SIGNAL_TYPES)[number];
  @ApiProperty({ description: 'When it happened (ISO 8601, client clock)' }) @IsISO8601({ strict: true }) at!: string;
  @BoundedInt({ min: 1, max: 10_000, optional: true }) position?: number;
  @BoundedInt({ max: 10_000_000, optional: true, description: 'paste: characters pasted' }) chars?: number;
  @BoundedInt({ max: 86_400_000, optional: true, description: 'blur/hidden: how long, when the browser measured it' })
  durationMs?: number;
}

export class IntegritySignalsDto {
  @ApiProperty({ type: [IntegritySignalDto], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IntegritySignalDto)
  events!: IntegritySignalDto[];
}

/** An item's outcome without its key (review policy `correctness`). */
export class CandidateItemOutcomeDto {
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() type!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null while an essay waits for grading' }) score!: number | null;
  @ApiProperty({ enum: ['correct', 'partial', 'incorrect', 'pending', 'unanswered'] }) status!: string;
}

/**
 * What the set's review policy lets the candidate see: `none` -> only the attempt's state;
 * `score` -> attempt.result; `correctness` -> plus `items`; `full` -> plus `full` (keys, explanations).
 */
export class CandidateReviewDto {
  @ApiProperty({ enum: REVIEW_POLICIES }) policy!: string;
  @ApiProperty({ type: AttemptSummaryDto, description: 'result is null unless the policy shows the score' }) attempt!: AttemptSummaryDto;
  @ApiProperty({ type: [CandidateItemOutcomeDto], nullable: true }) items!: CandidateItemOutcomeDto[] | null;
  @ApiProperty({ type: [ReviewItemDto], nullable: true }) full!: ReviewItemDto[] | null;
}
