import { IsDisplayText } from '../../../common/http/display-text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiSchemaRules } from '../../../common/http/api-schema-rules';
import { BoundedInt } from '../../../common/http/int';
import { Transform } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { QUESTION_TYPES, TOPIC_IDS, VERIFY_KINDS } from '@goprep/question-bank';
import type { QuestionType, TopicId } from '@goprep/question-bank';
import { CONTENT_LOCALES, type ContentLocale } from '../../../common/i18n/content-locale';
import { QUESTION_VERIFICATION, type QuestionVerification } from '../question.entities';

export class TopicDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() core!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty() questionCount!: number;
}

export class ListQuestionsQueryDto {
  @ApiPropertyOptional({ enum: TOPIC_IDS })
  @IsOptional()
  @IsIn(TOPIC_IDS as unknown as string[], { message: `topic must be one of: ${TOPIC_IDS.join(', ')}` })
  topic?: TopicId;

  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES as unknown as string[], { message: `type must be one of: ${QUESTION_TYPES.join(', ')}` })
  type?: QuestionType;

  @BoundedInt({ min: 1, max: 5, optional: true, query: true })
  difficulty?: number;

  @ApiPropertyOptional({ example: 'happens-before' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'tag must be kebab-case' })
  tag?: string;

  @ApiPropertyOptional({ description: 'Full-text search over title, prompt and tags', maxLength: 200 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  // A NUL or other control character reached Postgres and failed there (500, found by Schemathesis).
  @IsDisplayText()
  q?: string;

  @ApiPropertyOptional({
    enum: CONTENT_LOCALES,
    description: "Show titles in this language (a manager browsing for a set in its language); default the reader's content language",
  })
  @IsOptional()
  @IsIn(CONTENT_LOCALES as unknown as string[], { message: `locale must be one of: ${CONTENT_LOCALES.join(', ')}` })
  locale?: ContentLocale;

  // Explicit types: tsc and SWC infer different decorator metadata for un-annotated fields.
  @BoundedInt({ min: 1, max: 10000, default: 1, optional: true, query: true })
  page = 1;

  @BoundedInt({ min: 1, max: 100, default: 20, optional: true, query: true })
  pageSize = 20;
}

export class QuestionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() hasCode!: boolean;
  @ApiProperty({ enum: CONTENT_LOCALES, description: 'The language of the title' }) contentLocale!: ContentLocale;
  @ApiProperty({ description: 'True when another language was asked for and this title is in English instead' }) fallback!: boolean;
  @ApiPropertyOptional({ enum: ['missing', 'stale'] }) fallbackReason?: 'missing' | 'stale';
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ enum: CONTENT_LOCALES, description: "The language to show the question in; default the reader's content language" })
  @IsOptional()
  @IsIn(CONTENT_LOCALES as unknown as string[], { message: `locale must be one of: ${CONTENT_LOCALES.join(', ')}` })
  locale?: ContentLocale;
}

export class QuestionPageDto {
  @ApiProperty({ type: [QuestionSummaryDto] }) items!: QuestionSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DeliveryOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

/** What a learner or candidate may see before answering: no key, no explanation, no feedback. */
export class QuestionDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() subtopic!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() goVersion!: string;
  @ApiProperty() expectedSeconds!: number;
  @ApiProperty() prompt!: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional({ type: [DeliveryOptionDto], description: 'Ordering: the items, shuffled. Matching: the right-hand choices, shuffled' })
  options?: DeliveryOptionDto[];
  @ApiPropertyOptional({ type: [DeliveryOptionDto], description: 'Matching: the left-hand items' }) matchItems?: DeliveryOptionDto[];
  @ApiPropertyOptional() unit?: string;
  @ApiProperty({ type: [String] }) references!: string[];
}

/** A bank question as a learner browses it, in their content language (English where no current translation). */
export class LocalizedQuestionDto extends QuestionDeliveryDto {
  @ApiProperty({ enum: CONTENT_LOCALES, description: 'The language of title, prompt and options' }) contentLocale!: ContentLocale;
  @ApiProperty({ description: 'True when another language was asked for and this question is shown in English instead' }) fallback!: boolean;
  @ApiPropertyOptional({ enum: ['missing', 'stale'] }) fallbackReason?: 'missing' | 'stale';
}

export class PreviewOptionDto extends DeliveryOptionDto {
  @ApiProperty() correct!: boolean;
  @ApiPropertyOptional() feedback?: string;
}

/** One check of the Go verifier, as in the question's front matter (docs/question-format.md). */
@ApiSchemaRules({ additionalProperties: true })
export class VerifyCheckDto {
  @ApiProperty({ enum: VERIFY_KINDS, description: 'The kind of check; the other fields depend on it' }) kind!: (typeof VERIFY_KINDS)[number];
}

/** For managers and admins building sets: the key and the explanation. */
export class QuestionPreviewDto extends QuestionDeliveryDto {
  @ApiPropertyOptional({ type: [PreviewOptionDto] }) declare options?: PreviewOptionDto[];
  @ApiProperty({ description: 'The answer key, by type' }) answerKey!: Record<string, unknown>;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [VerifyCheckDto], description: 'What the Go verifier checks' }) verify!: VerifyCheckDto[];
  @ApiProperty({
    enum: QUESTION_VERIFICATION,
    enumName: 'QuestionVerification',
    description: 'not-applicable: no program; unverified: nobody has run the checks; verified: the verifier passed',
  })
  verification!: QuestionVerification;
}

/** A bank question for a manager in a chosen language (the set's): text, feedback, explanation and the accepted answers of that language. */
export class LocalizedQuestionPreviewDto extends QuestionPreviewDto {
  @ApiProperty({ enum: CONTENT_LOCALES, description: 'The language of the text (title, prompt, options, feedback, explanation)' }) contentLocale!: ContentLocale;
  @ApiProperty({ description: 'True when another language was asked for and this question is shown in English instead' }) fallback!: boolean;
}

/** "Try it" on the bank page: one answer to grade now, untimed and unrecorded. */
export class CheckAnswerDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answer, as for attempts (e.g. `{ "type": "single", "choice": "b" }`)' })
  @IsObject()
  response!: Record<string, unknown>;
}

/** The verdict on a tried answer, with what a review shows: only ever sent after an answer was given. */
export class CheckResultDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['correct', 'partial', 'incorrect'] }) status!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ description: 'The answer key, by type' }) key!: Record<string, unknown>;
  @ApiProperty({ description: 'Options are named by the letters of the bank order (the order the page shows)' }) explanation!: string;
  @ApiProperty({ type: [String] }) references!: string[];
  @ApiPropertyOptional({ type: [PreviewOptionDto], description: 'In the bank order, with correctness and feedback' }) options?: PreviewOptionDto[];
  @ApiPropertyOptional({ type: [String], description: 'code-output: what running the program prints (verified with Go)' }) verifiedOutput?: string[];
  @ApiPropertyOptional({ type: [Number], description: 'code-lines: the lines the verifier confirmed' }) verifiedLines?: number[];
  @ApiProperty({ description: 'Feedback the key gives for this answer (graded short and numeric answers)', type: String, nullable: true }) feedback!: string | null;
  @ApiProperty({ enum: CONTENT_LOCALES, description: 'The language of the explanation and feedback' }) contentLocale!: ContentLocale;
  @ApiProperty() fallback!: boolean;
  @ApiPropertyOptional({ enum: ['missing', 'stale'] }) fallbackReason?: 'missing' | 'stale';
}
