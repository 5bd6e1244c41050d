import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDisplayText } from '../../../common/http/display-text';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PagedQuery, PagedResponse } from '../../../common/http/paging';
import { ReviewItemDto } from '../../attempts/dto/attempt.dto';
import { INVITE_STATUSES } from '../../invites/dto/invite.dto';

export const RESULT_SORT_KEYS = ['rank', 'name', 'score', 'duration', 'submittedAt', 'status'] as const;

export class ResultsQueryDto {
  @ApiPropertyOptional({ enum: RESULT_SORT_KEYS, default: 'rank' }) @IsOptional() @IsIn(RESULT_SORT_KEYS as unknown as string[]) sort?: (typeof RESULT_SORT_KEYS)[number];
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @ApiPropertyOptional({ description: `Comma-separated statuses: ${INVITE_STATUSES.join(', ')}` })
  @IsOptional()
  @Matches(new RegExp(`^(${INVITE_STATUSES.join('|')})(,(${INVITE_STATUSES.join('|')}))*$`), { message: `status must be a comma-separated list of: ${INVITE_STATUSES.join(', ')}` })
  status?: string;
  @ApiPropertyOptional({ description: 'Part of a name or email' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100) minPercent?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100) maxPercent?: number;
}

export class ResultTopicDto {
  @ApiProperty() topic!: string;
  @ApiProperty() score!: number;
  @ApiProperty() max!: number;
  @ApiProperty() items!: number;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
}

export class SignalCountsDto {
  @ApiProperty() pasteCount!: number;
  @ApiProperty() focusLostCount!: number;
  @ApiProperty() hiddenCount!: number;
}

export class ResultRowDto {
  @ApiProperty() inviteId!: string;
  @ApiProperty({ type: String, nullable: true }) attemptId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: INVITE_STATUSES }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Competition rank by percent among scored candidates' }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ description: 'Essays wait for grading: the score is provisional' }) pendingGrading!: boolean;
  @ApiProperty({ type: [ResultTopicDto] }) byTopic!: ResultTopicDto[];
  @ApiProperty({ type: SignalCountsDto, description: 'Integrity signals: not proof of anything' }) signals!: SignalCountsDto;
}

export class SetResultsDto {
  @ApiProperty() setId!: string;
  @ApiProperty({ type: [String], description: 'Every topic in any row, sorted' }) topics!: string[];
  @ApiProperty({ type: [ResultRowDto] }) rows!: ResultRowDto[];
}

export const RESULTS_PAGE = { default: 100, max: 500 };

/** The results filters plus limit and offset (the CSV download takes the filters only). */
export class ResultsPageQueryDto extends PagedQuery(RESULTS_PAGE.default, RESULTS_PAGE.max, ResultsQueryDto) {}

/** One page of the ranked, filtered rows; ranks are over all rows matching the filters. */
export class SetResultsPageDto extends PagedResponse(SetResultsDto, 'Rows matching the filters, over all pages') {}

export class ManualGradeDto {
  @ApiProperty() score!: number;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: String, nullable: true }) gradedBy!: string | null;
  @ApiProperty() gradedAt!: string;
}

export class ReportItemDto extends ReviewItemDto {
  @ApiProperty({ type: [String], nullable: true, description: 'Essay: the rubric to grade against' }) rubric!: string[] | null;
  @ApiProperty({ type: ManualGradeDto, nullable: true }) manualGrade!: ManualGradeDto | null;
  @ApiProperty({ description: 'Paste events recorded on this item' }) pasteCount!: number;
}

export class IntegritySummaryDto {
  @ApiProperty() pasteCount!: number;
  @ApiProperty() pastedChars!: number;
  @ApiProperty() focusLostCount!: number;
  @ApiProperty() focusLostMs!: number;
  @ApiProperty() hiddenCount!: number;
  @ApiProperty() hiddenMs!: number;
  @ApiProperty() longestAwayMs!: number;
  @ApiProperty() any!: boolean;
  @ApiProperty({ description: 'Always shown with the signals' }) note!: string;
}

export class SignalEventDto {
  @ApiProperty({ enum: ['paste', 'blur', 'focus', 'hidden', 'visible'] }) type!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: Number, nullable: true }) position!: number | null;
  @ApiProperty({ type: Number, nullable: true }) chars!: number | null;
  @ApiProperty() durationMs!: number;
}

export class CandidateReportDto {
  @ApiProperty() attemptId!: string;
  @ApiProperty() inviteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() setId!: string;
  @ApiProperty() setTitle!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['in_progress', 'submitted', 'abandoned'] }) state!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() deadlineAt!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty() pendingGrading!: boolean;
  @ApiProperty({ type: [ResultTopicDto] }) byTopic!: ResultTopicDto[];
  @ApiProperty({ type: [ReportItemDto] }) items!: ReportItemDto[];
  @ApiProperty({ type: IntegritySummaryDto }) signals!: IntegritySummaryDto;
  @ApiProperty({ type: [SignalEventDto] }) events!: SignalEventDto[];
}

export class GradeItemDto {
  @ApiProperty({ minimum: 0, maximum: 1000, description: "Points given, 0..the item's points" }) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1000) score!: number;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @IsDisplayText({ multiline: true }) @MaxLength(4000) comment?: string;
}

export class CompareQueryDto {
  @ApiProperty({ description: 'Comma-separated attempt ids (2..10)' })
  @Matches(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,9}$/i, { message: 'ids must be 1 to 10 comma-separated attempt ids' })
  ids!: string;
}

export class CompareCandidateDto {
  @ApiProperty() attemptId!: string;
  @ApiProperty() inviteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: [ResultTopicDto] }) byTopic!: ResultTopicDto[];
  @ApiProperty({ type: SignalCountsDto }) signals!: SignalCountsDto;
}

export class CompareCellDto {
  @ApiProperty() attemptId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: this candidate did not get the question' }) status!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) points!: number | null;
}

export class CompareQuestionDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: [CompareCellDto] }) cells!: CompareCellDto[];
}

export class CompareResultsDto {
  @ApiProperty({ type: [CompareCandidateDto] }) candidates!: CompareCandidateDto[];
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ type: [CompareQuestionDto] }) questions!: CompareQuestionDto[];
}

export class StatValueDto {
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why value is null' }) reason!: string | null;
}

export class ItemBreakdownDto {
  @ApiProperty({ description: 'Option id (single, multi), left item id (matching) or item id (ordering)' }) id!: string;
  @ApiProperty({ description: 'The option, left item or item text' }) label!: string;
  @ApiProperty({ type: String, nullable: true, description: "Matching: the key's right-hand choice for this left item" }) match!: string | null;
  @ApiProperty({ description: 'Choice: whether the option is a correct one; matching and ordering: always true' }) correct!: boolean;
  @ApiProperty({
    description: 'Choice: attempts that chose the option; matching: that paired the left item as the key does; ordering: that had this key position\'s item in the longest ordered subset',
  })
  count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Ordering: attempts that placed the item exactly at its key position' }) exact!: number | null;
  @ApiProperty({ description: 'Counted attempts that received the question (the denominator)' }) of!: number;
}

export class ItemStatisticsDto {
  @ApiProperty({ description: 'The question version id' }) key!: string;
  @ApiProperty({ description: 'The question type' }) type!: string;
  @ApiProperty({ type: [ItemBreakdownDto], description: 'Per option (choice), per pair (matching) or per position (ordering), in key order; empty for other types' })
  breakdown!: ItemBreakdownDto[];
  @ApiProperty() questionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: [Number] }) slots!: number[];
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) meanScore!: number | null;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: StatValueDto, description: 'percent' }) facility!: StatValueDto;
  @ApiProperty({ type: StatValueDto, description: 'percent of max' }) standardDeviation!: StatValueDto;
  @ApiProperty({ type: StatValueDto }) discriminationIndex!: StatValueDto;
  @ApiProperty({ type: StatValueDto }) discriminativeEfficiency!: StatValueDto;
  @ApiProperty({ type: [String], enum: ['negative-discrimination', 'facility-low', 'facility-high'] }) flags!: string[];
  @ApiProperty({ description: 'A flag is set and the item had enough attempts (MIN_ATTEMPTS_FOR_VERDICT) to judge it' }) needsChecking!: boolean;
  @ApiProperty({ enum: ['not-enough-attempts', 'needs-checking', 'ok'], description: 'Below the minimum number of attempts the figures judge nothing' })
  verdict!: 'not-enough-attempts' | 'needs-checking' | 'ok';
}

export class SetStatisticsDto {
  @ApiProperty() attempts!: number;
  @ApiProperty() items!: number;
  @ApiProperty({ type: Number, nullable: true }) meanScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) meanPercent!: number | null;
  @ApiProperty({ type: StatValueDto }) standardDeviation!: StatValueDto;
  @ApiProperty({ type: StatValueDto, description: 'Cronbach alpha, percent' }) cic!: StatValueDto;
  @ApiProperty({ type: StatValueDto, description: 'percent' }) errorRatio!: StatValueDto;
  @ApiProperty({ type: StatValueDto, description: 'raw marks' }) standardError!: StatValueDto;
}

export class SetVersionStatisticsDto {
  @ApiProperty() setId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Submitted attempts left out because an essay still waits for grading' }) excludedPending!: number;
  @ApiProperty({ type: SetStatisticsDto }) set!: SetStatisticsDto;
  @ApiProperty({ type: [ItemStatisticsDto] }) items!: ItemStatisticsDto[];
}
