import { CONTENT_LOCALES, SET_LANGUAGES, type ContentLocale, type SetLanguage } from '../../../common/i18n/content-locale';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDisplayText } from '../../../common/http/display-text';
import { ApiSchemaRules } from '../../../common/http/api-schema-rules';
import { BoundedInt } from '../../../common/http/int';
import { PagedQuery } from '../../../common/http/paging';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OVERDUE_POLICIES, type OverduePolicy } from '@goprep/domain';
import { TEMPLATE_LEVELS, TEMPLATE_TYPES, TOPIC_IDS, type TemplateLevelId } from '@goprep/question-bank';
import {
  ITEMS_MAX,
  POINTS_MAX,
  POOL_COUNT_MAX,
  SET_FORMAT_NAME,
  SET_FORMAT_VERSION,
  SET_ITEM_KINDS,
  SET_REVIEW_POLICIES,
  SET_STATES,
  TIME_LIMIT_MAX,
  TIME_LIMIT_MIN,
  GRACE_MAX,
  INSTRUCTIONS_MAX,
  TITLE_MAX,
  type SetItemKind,
  type SetReviewPolicy,
  type SetState,
} from '../set-items';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isFixed = (o: { kind?: unknown }): boolean => o.kind === 'fixed';
const isPool = (o: { kind?: unknown }): boolean => o.kind === 'pool';

/**
 * One entry of a set, as a client sends it: a fixed question (pinned to a version) or a random
 * pool. Fields of the other kind are ignored. Pool `points` are per drawn question.
 */
@ApiSchemaRules({
  description: "kind 'fixed' requires questionId; kind 'pool' requires topic, count and difficulty.",
  oneOf: [
    { properties: { kind: { enum: ['fixed'] } }, required: ['questionId'] },
    { properties: { kind: { enum: ['pool'] } }, required: ['topic', 'count', 'difficulty'] },
  ],
})
export class SetItemInputDto {
  @ApiProperty({ enum: SET_ITEM_KINDS, enumName: 'SetItemKind' })
  @IsIn(SET_ITEM_KINDS as unknown as string[], { message: `kind must be one of: ${SET_ITEM_KINDS.join(', ')}` })
  kind!: SetItemKind;

  @ApiProperty({ minimum: 0.01, maximum: POINTS_MAX, description: 'Points of the item (pool: of each drawn question); at least 0.01' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'points must be a number' })
  @Min(0.01, { message: 'points must be greater than 0' })
  @Max(POINTS_MAX)
  points!: number;

  @ApiPropertyOptional({ example: 'ch-nil-close', description: 'fixed: a bank question id or one of the organization\'s own (org-...)' })
  @ValidateIf(isFixed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  questionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'fixed: the pinned question version; absent = pin the current version' })
  @ValidateIf((o: SetItemInputDto) => isFixed(o) && o.versionId !== undefined)
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId?: string;

  @ApiPropertyOptional({ enum: TOPIC_IDS, description: 'pool: the topic to draw from' })
  @ValidateIf(isPool)
  @IsIn(TOPIC_IDS as unknown as string[], { message: `topic must be one of: ${TOPIC_IDS.join(', ')}` })
  topic?: string;

  @ValidateIf(isPool)
  @BoundedInt({ min: 1, max: POOL_COUNT_MAX, conditional: true, description: 'pool: questions drawn per attempt' })
  count?: number;

  @ApiPropertyOptional({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 5 }, minItems: 2, maxItems: 2, example: [3, 5], description: 'pool: inclusive [min, max], 1-5' })
  @ValidateIf(isPool)
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(5, { each: true })
  difficulty?: number[];

  @ApiPropertyOptional({ enum: TEMPLATE_TYPES, isArray: true, description: 'pool: allowed types (absent = every auto-graded type)' })
  @ValidateIf((o: SetItemInputDto) => isPool(o) && o.types !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TEMPLATE_TYPES as unknown as string[], { each: true, message: `each type must be one of: ${TEMPLATE_TYPES.join(', ')}` })
  types?: string[];

  @ApiPropertyOptional({ type: [String], example: ['basic'], description: 'pool: questions carrying any of these tags are not drawn' })
  @ValidateIf((o: SetItemInputDto) => isPool(o) && o.excludeTags !== undefined)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(KEBAB, { each: true, message: 'each excluded tag must be kebab-case' })
  excludeTags?: string[];
}

/** The whole content of a draft: settings and the ordered items. */
export class SetDraftInputDto {
  @ApiProperty({ maxLength: TITLE_MAX })
  @IsString()
  @IsDisplayText({ nonBlank: true })
  @MaxLength(TITLE_MAX)
  title!: string;

  @ApiProperty({ maxLength: INSTRUCTIONS_MAX, description: 'Markdown shown to candidates before they start' })
  @IsString()
  @IsDisplayText({ multiline: true })
  @MaxLength(INSTRUCTIONS_MAX)
  instructions!: string;

  @BoundedInt({ min: TIME_LIMIT_MIN, max: TIME_LIMIT_MAX })
  timeLimitSeconds!: number;

  @ApiProperty() @IsBoolean() shuffleOptions!: boolean;

  @ApiProperty({ enum: OVERDUE_POLICIES, enumName: 'SetOverduePolicy' })
  @IsIn(OVERDUE_POLICIES as unknown as string[], { message: `overduePolicy must be one of: ${OVERDUE_POLICIES.join(', ')}` })
  overduePolicy!: OverduePolicy;

  @BoundedInt({ max: GRACE_MAX, description: 'grace-period: seconds after the deadline a submission is still taken' })
  submitGraceSeconds!: number;

  @ApiProperty({ enum: SET_REVIEW_POLICIES, enumName: 'SetReviewPolicy', description: 'What a candidate sees after submitting' })
  @IsIn(SET_REVIEW_POLICIES as unknown as string[], { message: `reviewPolicy must be one of: ${SET_REVIEW_POLICIES.join(', ')}` })
  reviewPolicy!: SetReviewPolicy;

  @ApiPropertyOptional({ enum: SET_LANGUAGES, enumName: 'SetLanguage', description: 'The language candidates read the questions in (default en)' })
  @IsOptional()
  @IsIn(SET_LANGUAGES as unknown as string[], { message: `language must be one of: ${SET_LANGUAGES.join(', ')}` })
  language?: SetLanguage;

  @ApiProperty({ type: [SetItemInputDto], maxItems: ITEMS_MAX })
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => SetItemInputDto)
  items!: SetItemInputDto[];
}

export class CreateQuestionSetDto {
  @ApiProperty({ maxLength: TITLE_MAX })
  @IsString()
  @IsDisplayText({ nonBlank: true })
  @MaxLength(TITLE_MAX)
  title!: string;

  @ApiPropertyOptional({ example: 'backend', description: 'Start from a role template (GET /api/set-templates)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'templateId must be a template id' })
  templateId?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LEVELS, description: 'The template level (default senior)' })
  // Absent takes the default; null is not a level (the document does not say nullable).
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsIn(TEMPLATE_LEVELS as unknown as string[], { message: `level must be one of: ${TEMPLATE_LEVELS.join(', ')}` })
  level?: TemplateLevelId;
}

export const SETS_PAGE = { default: 100, max: 500 };

export class ListQuestionSetsQueryDto extends PagedQuery(SETS_PAGE.default, SETS_PAGE.max) {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only archived sets; false (default): only active ones' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'archived must be true or false' })
  archived?: 'true' | 'false';
}

export const EXPORT_FORMATS = ['json', 'gift'] as const;
export type SetExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQuestionSetQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'json (default): goprep\'s lossless set format; gift: the pinned questions' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS as unknown as string[], { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: SetExportFormat;

  @BoundedInt({ min: 1, optional: true, query: true, description: 'A version number (default: the draft, else the latest published version)' })
  version?: number;

  @ApiPropertyOptional({
    enum: CONTENT_LOCALES,
    description:
      "The language of the questions' text (gift) or of the items' informational titles (json): default the set's language, English when candidates choose; English where a translation is missing or stale",
  })
  @IsOptional()
  @IsIn(CONTENT_LOCALES as unknown as string[], { message: `locale must be one of: ${CONTENT_LOCALES.join(', ')}` })
  locale?: ContentLocale;
}

// ---------------------------------------------------------------------------------------------
// Responses

export class SetItemQuestionDto {
  @ApiProperty() title!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() type!: string;
  @ApiProperty() difficulty!: number;
  @ApiProperty() expectedSeconds!: number;
  @ApiProperty({ description: 'The pinned version number' }) version!: number;
  @ApiProperty({ description: 'The question\'s current version number (greater: a newer version exists)' }) currentVersion!: number;
  @ApiProperty() retired!: boolean;
  @ApiProperty({ description: 'An organization question (else a bank question)' }) private!: boolean;
  @ApiProperty({ enum: CONTENT_LOCALES, description: "The language of the title: the set's (English when candidates choose)" }) contentLocale!: ContentLocale;
  @ApiProperty({ description: "True when the set's language has no current translation of this version, so the title is English" }) fallback!: boolean;
}

export class SetItemDto {
  @ApiProperty({ enum: SET_ITEM_KINDS, enumName: 'SetItemKind' }) kind!: SetItemKind;
  @ApiProperty() points!: number;
  @ApiPropertyOptional() questionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) versionId?: string;
  @ApiPropertyOptional({ type: SetItemQuestionDto }) question?: SetItemQuestionDto;
  @ApiPropertyOptional() topic?: string;
  @ApiPropertyOptional() count?: number;
  @ApiPropertyOptional({ type: [Number], minItems: 2, maxItems: 2 }) difficulty?: number[];
  @ApiPropertyOptional({ type: [String] }) types?: string[];
  @ApiPropertyOptional({ type: [String] }) excludeTags?: string[];
  @ApiPropertyOptional({ description: 'pool: questions matching the filters now (fixed items of the set excluded)' }) eligible?: number;
}

export class SetCountDto {
  @ApiProperty() key!: string;
  @ApiProperty() count!: number;
}

export class SetShortfallDto {
  @ApiProperty({ description: 'Index of the pool in items' }) item!: number;
  @ApiProperty() topic!: string;
  @ApiProperty() wanted!: number;
  @ApiProperty() drawn!: number;
  @ApiProperty({ description: 'eligible >= wanted: other pools of the set need the same questions' }) eligible!: number;
}

/** What a builder shows beside the items: counts, expected time vs the limit, unfillable pools. */
export class SetSummaryDto {
  @ApiProperty({ description: 'Questions per attempt (fixed + drawn)' }) questions!: number;
  @ApiProperty() fixedQuestions!: number;
  @ApiProperty() poolQuestions!: number;
  @ApiProperty() totalPoints!: number;
  @ApiProperty({ description: 'Fixed items\' expected time plus, per pool, count x the mean of its eligible questions' }) expectedSeconds!: number;
  @ApiProperty() timeLimitSeconds!: number;
  @ApiProperty() overTimeLimit!: boolean;
  @ApiProperty({ type: [SetCountDto], description: 'Questions per topic, largest first' }) byTopic!: SetCountDto[];
  @ApiProperty({ type: [SetCountDto], description: 'Fixed questions per type, and pools\' counts under "pool"' }) byType!: SetCountDto[];
  @ApiProperty({ type: [SetShortfallDto] }) shortfalls!: SetShortfallDto[];
}

export class QuestionSetVersionDto {
  @ApiProperty({ format: 'uuid', description: 'The version row id (invites point at it)' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: SET_STATES, enumName: 'SetVersionState' }) state!: SetState;
  @ApiProperty() title!: string;
  @ApiProperty() instructions!: string;
  @ApiProperty() timeLimitSeconds!: number;
  @ApiProperty() shuffleOptions!: boolean;
  @ApiProperty({ enum: OVERDUE_POLICIES, enumName: 'SetOverduePolicy' }) overduePolicy!: OverduePolicy;
  @ApiProperty() submitGraceSeconds!: number;
  @ApiProperty({ enum: SET_REVIEW_POLICIES, enumName: 'SetReviewPolicy' }) reviewPolicy!: SetReviewPolicy;
  @ApiProperty({ enum: SET_LANGUAGES, enumName: 'SetLanguage' }) language!: SetLanguage;
  @ApiProperty({ type: [SetItemDto] }) items!: SetItemDto[];
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt!: string | null;
}

export class SetVersionInfoDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: SET_STATES, enumName: 'SetVersionState' }) state!: SetState;
  @ApiProperty() itemCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt!: string | null;
}

export class QuestionSetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orgId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) archivedAt!: string | null;
  @ApiProperty({ type: [SetVersionInfoDto], description: 'Oldest first' }) versions!: SetVersionInfoDto[];
  @ApiProperty({ type: QuestionSetVersionDto, description: 'The draft, else the latest published version' }) current!: QuestionSetVersionDto;
  @ApiProperty({ type: SetSummaryDto, description: 'Of `current`' }) summary!: SetSummaryDto;
}

export class QuestionSetListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() latestVersion!: number;
  @ApiProperty({ enum: SET_STATES, enumName: 'SetVersionState' }) latestState!: SetState;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The newest published version, if any' }) publishedVersion!: number | null;
  @ApiProperty({ description: 'Entries of the latest version (a pool counts once)' }) itemCount!: number;
  @ApiProperty({ description: 'Questions per attempt of the latest version' }) questionCount!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) archivedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class SetTemplateLevelDto {
  @ApiProperty({ enum: TEMPLATE_LEVELS }) level!: TemplateLevelId;
  @ApiProperty() timeLimitSeconds!: number;
  @ApiProperty({ description: 'Questions drawn per attempt' }) questions!: number;
  @ApiProperty({ type: [SetItemDto], description: 'The level\'s pools as set items (1 point each)' }) pools!: SetItemDto[];
}

export class SetTemplateDto {
  @ApiProperty({ example: 'backend' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [SetTemplateLevelDto] }) levels!: SetTemplateLevelDto[];
}

// ---------------------------------------------------------------------------------------------
// Export / import

/** An item in the JSON export: the input shape plus facts that help a reader (ignored on import except contentHash). */
export class SetExportItemDto extends SetItemInputDto {
  @ApiPropertyOptional({ description: 'fixed: the question title (informational)' })
  @IsOptional()
  @IsString()
  @IsDisplayText()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ enum: CONTENT_LOCALES, description: 'fixed: the language of `title` (informational; see docs/question-sets.md)' })
  @IsOptional()
  @IsIn(CONTENT_LOCALES as unknown as string[], { message: `titleLocale must be one of: ${CONTENT_LOCALES.join(', ')}` })
  titleLocale?: ContentLocale;

  @BoundedInt({ min: 1, optional: true, description: 'fixed: the pinned version number (informational)' })
  questionVersion?: number;

  @ApiPropertyOptional({ description: 'fixed: content hash of the pinned version; used to find it when versionId is unknown here' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  contentHash?: string;
}

/**
 * goprep's set format: the settings and items of one version. Questions are referenced by id
 * (and version), not embedded: importing needs the same bank questions, or the organization's own.
 */
export class QuestionSetExportDto {
  @ApiProperty({ enum: [SET_FORMAT_NAME] })
  @Equals(SET_FORMAT_NAME, { message: `format must be "${SET_FORMAT_NAME}"` })
  format!: typeof SET_FORMAT_NAME;

  @ApiProperty({ enum: [SET_FORMAT_VERSION] })
  @Equals(SET_FORMAT_VERSION, { message: `formatVersion must be ${SET_FORMAT_VERSION}` })
  formatVersion!: typeof SET_FORMAT_VERSION;

  @BoundedInt({ min: 1, optional: true, description: 'The version exported (informational)' }) sourceVersion?: number;
  @ApiPropertyOptional({ description: 'When it was exported (informational)' }) @IsOptional() @IsString() @MaxLength(40) exportedAt?: string;

  @ApiProperty({ maxLength: TITLE_MAX })
  @IsString()
  @IsDisplayText({ nonBlank: true })
  @MaxLength(TITLE_MAX)
  title!: string;

  @ApiProperty({ maxLength: INSTRUCTIONS_MAX }) @IsString() @IsDisplayText({ multiline: true }) @MaxLength(INSTRUCTIONS_MAX) instructions!: string;
  @BoundedInt({ min: TIME_LIMIT_MIN, max: TIME_LIMIT_MAX }) timeLimitSeconds!: number;
  @ApiProperty() @IsBoolean() shuffleOptions!: boolean;

  @ApiProperty({ enum: OVERDUE_POLICIES, enumName: 'SetOverduePolicy' })
  @IsIn(OVERDUE_POLICIES as unknown as string[], { message: `overduePolicy must be one of: ${OVERDUE_POLICIES.join(', ')}` })
  overduePolicy!: OverduePolicy;

  @BoundedInt({ max: GRACE_MAX }) submitGraceSeconds!: number;

  @ApiProperty({ enum: SET_REVIEW_POLICIES, enumName: 'SetReviewPolicy' })
  @IsIn(SET_REVIEW_POLICIES as unknown as string[], { message: `reviewPolicy must be one of: ${SET_REVIEW_POLICIES.join(', ')}` })
  reviewPolicy!: SetReviewPolicy;

  @ApiPropertyOptional({ enum: SET_LANGUAGES, enumName: 'SetLanguage', description: 'The language candidates read the questions in (default en)' })
  @IsOptional()
  @IsIn(SET_LANGUAGES as unknown as string[], { message: `language must be one of: ${SET_LANGUAGES.join(', ')}` })
  language?: SetLanguage;

  @ApiProperty({ type: [SetExportItemDto], maxItems: ITEMS_MAX })
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => SetExportItemDto)
  items!: SetExportItemDto[];
}
