import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDisplayText } from '../../../common/http/display-text';
import { BoundedInt } from '../../../common/http/int';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const INVITE_STATUSES = ['invited', 'started', 'submitted', 'expired', 'revoked'] as const;
export const MAX_INVITES_PER_REQUEST = 500;
export const MAIL_LOCALES = ['en', 'zh-CN'] as const;

export class InviteeInputDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsDisplayText() @MaxLength(200) name!: string;
  @ApiProperty({ maxLength: 320 }) @IsString() @MaxLength(320) email!: string;
}

/** Either `invitees` or `csv` (pasted "name, email" lines or a CSV file's text), not both. */
export class CreateInvitesDto {
  @ApiPropertyOptional({ type: [InviteeInputDto], maxItems: MAX_INVITES_PER_REQUEST })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVITES_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => InviteeInputDto)
  invitees?: InviteeInputDto[];

  @ApiPropertyOptional({ description: 'Pasted lines "Name, email" (or "email", or "Name <email>") or CSV text with a name,email header', maxLength: 200_000 })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  csv?: string;

  @ApiProperty({ description: 'When the link stops starting attempts (ISO 8601, in the future)' })
  @IsISO8601({ strict: true })
  expiresAt!: string;

  @BoundedInt({ min: 1, max: 100, default: 1, optional: true })
  attemptsAllowed?: number;

  @ApiPropertyOptional({ enum: MAIL_LOCALES, description: "Language of the invite mail (when SMTP is configured); default the set's language (English when candidates choose)" })
  @IsOptional()
  @IsIn(MAIL_LOCALES as unknown as string[])
  locale?: (typeof MAIL_LOCALES)[number];

  @BoundedInt({ min: 1, optional: true, description: 'A published version of the set; default the latest published' })
  version?: number;
}

export class InviteDto {
  @ApiProperty() id!: string;
  @ApiProperty() setId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: INVITE_STATUSES }) status!: (typeof INVITE_STATUSES)[number];
  @ApiProperty({ description: 'The published set version the invite is for' }) version!: number;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() attemptsAllowed!: number;
  @ApiProperty({ description: 'Override: attempts granted on top of attemptsAllowed' }) extraAttempts!: number;
  @ApiProperty({ description: 'Override: minutes added to the time limit' }) extraMinutes!: number;
  @ApiProperty() attemptsUsed!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) mailedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The newest attempt (for the report)' }) latestAttemptId!: string | null;
}

export class InviteCreatedDto extends InviteDto {
  @ApiProperty({ description: 'The one-time link with the raw token: shown only in this response' }) link!: string;
  @ApiProperty({ description: 'Whether it was mailed (SMTP configured and accepted)' }) mailed!: boolean;
}

export class InvitesCreatedDto {
  @ApiProperty({ type: [InviteCreatedDto] }) invites!: InviteCreatedDto[];
}

export class ReissueInviteDto {
  @ApiPropertyOptional({ enum: MAIL_LOCALES, description: "Language of the mail (when SMTP is configured); default the set's language" })
  @IsOptional()
  @IsIn(MAIL_LOCALES as unknown as string[])
  locale?: (typeof MAIL_LOCALES)[number];
}

export class InviteOverrideDto {
  @BoundedInt({ max: 1440, optional: true, description: 'Minutes added to the time limit (replaces the previous override); moves an open attempt\'s deadline too' })
  extraMinutes?: number;

  @BoundedInt({ max: 100, optional: true, description: 'Attempts granted on top of attemptsAllowed (replaces the previous override)' })
  extraAttempts?: number;
}
