import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDisplayText } from '../../../common/http/display-text';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../../common/i18n/content-locale';
import type { AuthUser, UserRole } from '../../../common/auth/decorators';
import type { UserEntity } from '../user.entity';
import { IsAcceptablePassword } from './password.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 80 })
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'displayName must be 1 to 80 characters' })
  @IsDisplayText()
  displayName!: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ enum: ['en', 'zh-CN'], description: 'Language of the mail; default en' })
  @IsOptional()
  @IsIn(['en', 'zh-CN'])
  locale?: 'en' | 'zh-CN';
}

export class ForgotPasswordResultDto {
  @ApiProperty({
    description:
      'Whether this server mails reset links (SMTP configured). true: a link was mailed if the account exists (the answer is the same either way). false: nothing was sent; an administrator resets the password with `npm run admin -- reset-password`.',
  })
  byMail!: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the reset link (the part after #)' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

export class OrganizationSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['owner', 'manager'] }) role!: 'owner' | 'manager';
}

export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['learner', 'manager', 'admin'] }) role!: UserRole;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [OrganizationSummaryDto] }) organizations!: OrganizationSummaryDto[];
  @ApiProperty({ enum: CONTENT_LANGUAGES, enumName: 'ContentLanguage', description: 'The language questions are delivered in; follow-ui: the interface language' })
  contentLanguage!: ContentLanguage;
}

export class UpdateMeSettingsDto {
  @ApiProperty({ enum: CONTENT_LANGUAGES, enumName: 'ContentLanguage', description: 'en, zh-CN, or follow-ui (the interface language)' })
  @IsIn(CONTENT_LANGUAGES as unknown as string[], { message: `contentLanguage must be one of: ${CONTENT_LANGUAGES.join(', ')}` })
  contentLanguage!: ContentLanguage;
}

export class AuthResultDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class CsrfDto {
  @ApiProperty() token!: string;
}

export function mapUser(user: UserEntity): UserDto {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

/** The logged-in user (as the session resolved them) with their organizations. */
export function mapMe(user: AuthUser, organizations: OrganizationSummaryDto[]): MeDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizations,
    contentLanguage: user.contentLanguage,
  };
}
