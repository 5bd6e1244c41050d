import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDisplayText } from '../../../common/http/display-text';
import { Allow, ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { QUESTION_TYPES, TOPIC_IDS } from '@goprep/question-bank';
import { QuestionPreviewDto } from '../../questions/dto/question.dto';
import { QUESTION_VERIFICATION, type QuestionVerification } from '../../questions/question.entities';

export class OrgQuestionOptionDto {
  @ApiProperty({ example: 'a', description: 'A short slug: a, b, c ...' }) id!: string;
  @ApiProperty({ description: 'Markdown (inline code allowed)' }) text!: string;
  @ApiProperty() correct!: boolean;
  @ApiPropertyOptional({ description: 'Why this option is tempting, or why it is right' }) feedback?: string;
}

export class OrgQuestionOrderingItemDto {
  @ApiProperty({ example: 'a', description: 'A short slug: a, b, c ...' }) id!: string;
  @ApiProperty({ description: 'Markdown (inline code allowed)' }) text!: string;
}

export class OrgQuestionMatchingPairDto {
  @ApiProperty({ example: 'a', description: 'A short slug: a, b, c ... (m1, m2 ... are the right-hand choices)' }) id!: string;
  @ApiProperty({ description: 'The left-hand item (Markdown)' }) text!: string;
  @ApiProperty({ description: 'The right-hand text it pairs with; pairs may share one' }) match!: string;
}

/**
 * A question as a manager writes it: the keys of a bank file's front matter (docs/question-format.md,
 * snake_case, without `id` and `draft`) plus the Markdown prompt and explanation, the back of a
 * flashcard in `answer`, and the Go program in `code`. Only shapes are checked here; the bank's own
 * schema and rules (validateOrgQuestion) decide what is a valid question, field by field.
 */
export class OrgQuestionInputDto {
  @ApiProperty({ maxLength: 100 }) @IsOptional() @IsString() @IsDisplayText() title!: string;
  @ApiProperty({ enum: TOPIC_IDS }) @IsOptional() @IsString() topic!: string;
  @ApiProperty({ example: 'happens-before', description: 'kebab-case' }) @IsOptional() @IsString() subtopic!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) @IsOptional() @IsString() type!: string;
  // Ranges documented here and checked by the bank linter, which reports every problem of a question at once.
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) @IsOptional() @IsInt() difficulty!: number;
  @ApiProperty({ type: [String], description: 'kebab-case, at least one' }) @IsOptional() @IsArray() tags!: string[];
  @ApiProperty({ example: '1.26' }) @IsOptional() @IsString() go_version!: string;
  @ApiProperty({ type: 'integer', minimum: 10, maximum: 1800 }) @IsOptional() @IsInt() expected_seconds!: number;
  @ApiProperty({ type: [String], description: 'https URLs of primary sources, at least one' })
  @IsOptional()
  @IsArray()
  references!: string[];

  @ApiPropertyOptional({ type: [OrgQuestionOptionDto], description: 'single, multi: 2-8 options' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  options?: OrgQuestionOptionDto[];

  @ApiPropertyOptional({
    oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }],
    description: 'true-false: boolean; numeric: number; flashcard: the back of the card (Markdown)',
  })
  @Allow()
  answer?: boolean | number | string;

  @ApiPropertyOptional({ type: [String], description: 'short: accepted answers' }) @IsOptional() @IsArray() accepted?: string[];
  @ApiPropertyOptional({ description: 'short' }) @IsOptional() @IsBoolean() case_sensitive?: boolean;
  @ApiPropertyOptional({ description: 'short: an extra accepted form (JavaScript regex)' }) @IsOptional() @IsString() pattern?: string;
  @ApiPropertyOptional({ minimum: 0, description: 'numeric: absolute tolerance' }) @IsOptional() @IsNumber() tolerance?: number;
  @ApiPropertyOptional({ description: 'numeric: shown after the input' }) @IsOptional() @IsString() unit?: string;
  @ApiPropertyOptional({ type: [String], description: 'code-output: every output the program may print' })
  @IsOptional()
  @IsArray()
  outputs?: string[];

  @ApiPropertyOptional({ type: [Number], description: 'code-lines: the lines (1-based) to click' })
  @IsOptional()
  @IsArray()
  lines?: number[];

  @ApiPropertyOptional({ type: [String], description: 'essay: what a grader looks for' }) @IsOptional() @IsArray() rubric?: string[];

  @ApiPropertyOptional({ type: [OrgQuestionOrderingItemDto], description: 'ordering: 3-12 items, listed in the correct order (delivery shuffles them)' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  items?: OrgQuestionOrderingItemDto[];

  @ApiPropertyOptional({ type: [OrgQuestionMatchingPairDto], description: 'matching: 2-12 left items, each with the right-hand text it pairs with' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  pairs?: OrgQuestionMatchingPairDto[];

  @ApiPropertyOptional({ type: [String], description: 'matching: up to 6 right-hand texts that pair with nothing' })
  @IsOptional()
  @IsArray()
  distractors?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Code questions: what running the program must show (verify checks, snake_case)',
  })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  verify?: Array<Record<string, unknown>>;

  @ApiProperty({ description: 'Markdown' }) @IsOptional() @IsString() prompt!: string;
  @ApiProperty({ description: 'Markdown: why the key is right and each distractor wrong' }) @IsOptional() @IsString() explanation!: string;
  @ApiPropertyOptional({ description: 'The Go program (main.go): code-output and code-lines need one' })
  @IsOptional()
  @IsString()
  code?: string;
}

export class OrgQuestionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() hasCode!: boolean;
  @ApiProperty({ enum: QUESTION_VERIFICATION, enumName: 'QuestionVerification' }) verification!: QuestionVerification;
  @ApiProperty() updatedAt!: string;
}

/** For members of the organization only: the preview (key and explanation) plus the editable source. */
export class OrgQuestionDto extends QuestionPreviewDto {
  @ApiProperty() organizationId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: OrgQuestionInputDto, description: 'This version in the input shape, ready to edit and send back' })
  source!: OrgQuestionInputDto;
}

export const ORG_IMPORT_FORMATS = ['gift', 'moodle-xml'] as const;
/** A file of at most this many questions is imported at once. */
export const ORG_IMPORT_MAX_QUESTIONS = 100;

/** Moodle questions into the organization: every question is checked before any is stored. */
export class OrgQuestionImportDto {
  @ApiProperty({ enum: ORG_IMPORT_FORMATS }) @IsIn(ORG_IMPORT_FORMATS) format!: (typeof ORG_IMPORT_FORMATS)[number];
  @ApiProperty({ description: 'The GIFT text or Moodle XML document', maxLength: 400_000 }) @IsString() @MaxLength(400_000) text!: string;
  @ApiPropertyOptional({ enum: TOPIC_IDS, description: 'Topic of every question; without it each category must name one' })
  @IsOptional()
  @IsIn(TOPIC_IDS)
  topic?: string;
  @ApiProperty({ type: [String], description: 'https URLs of primary sources given to every question (the formats have none)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  references!: string[];
}

export class OrgQuestionImportedDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty() version!: number;
}

export class OrgImportWarningDto {
  @ApiPropertyOptional({ description: 'Line in the file' }) line?: number;
  @ApiProperty() message!: string;
}

export class OrgQuestionImportResultDto {
  @ApiProperty({ type: [OrgQuestionImportedDto] }) questions!: OrgQuestionImportedDto[];
  @ApiProperty({ type: [OrgImportWarningDto], description: 'What the formats could not carry (kept as warnings; nothing was dropped)' })
  warnings!: OrgImportWarningDto[];
}
