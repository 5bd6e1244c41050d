import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerDomains = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((d) => (typeof d === 'string' ? d.trim().toLowerCase().replace(/^@/, '') : d)) : value;

/**
 * A DNS name with at least one dot (`example.com`, `eng.example.co.uk`) of at most 253 characters.
 * The length is its own check rather than a lookahead in the pattern: the pattern goes into the
 * OpenAPI document, and generators that read it (Schemathesis's Hypothesis) cannot produce strings
 * for a lookahead; they generated blindly and gave up ("filter_too_much"), failing a fuzz run at random.
 */
export const EMAIL_DOMAIN_PATTERN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const EMAIL_DOMAIN_MAX_LENGTH = 253;

export function isEmailDomain(text: string): boolean {
  return text.length <= EMAIL_DOMAIN_MAX_LENGTH && EMAIL_DOMAIN_PATTERN.test(text);
}

const DOMAIN_MESSAGE = 'each of emailDomains must be a domain such as example.com';

export class SaveSsoConfigDto {
  @ApiProperty({ example: 'https://accounts.example.com/realms/acme', description: "The issuer; its /.well-known/openid-configuration is read on save" })
  @Transform(trim)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] }, { message: 'issuer must be an http(s) URL' })
  @MaxLength(500)
  issuer!: string;

  @ApiProperty({ example: 'goprep' })
  @Transform(trim)
  @IsString()
  @Length(1, 255, { message: 'clientId must be 1 to 255 characters' })
  clientId!: string;

  @ApiPropertyOptional({ description: 'Write-only. Omit to keep the stored secret; never returned.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000, { message: 'clientSecret must be 1 to 1000 characters' })
  clientSecret?: string;

  @ApiProperty({ example: ['example.com'], description: 'Email domains whose users sign in through this provider' })
  @Transform(lowerDomains)
  @IsArray()
  @ArrayMinSize(1, { message: 'emailDomains needs at least one domain' })
  @ArrayMaxSize(20)
  @Matches(EMAIL_DOMAIN_PATTERN, { each: true, message: DOMAIN_MESSAGE })
  @MaxLength(EMAIL_DOMAIN_MAX_LENGTH, { each: true, message: DOMAIN_MESSAGE })
  emailDomains!: string[];

  @ApiProperty({ description: "The organization's owners and managers must sign in through SSO, not with a password" })
  @IsBoolean()
  ssoRequiredForManagers!: boolean;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export const SSO_DOMAIN_STATUSES = ['pending', 'verified'] as const;
export const SSO_DOMAIN_METHODS = ['dns', 'admin'] as const;

/** A listed email domain: pending until its TXT record is found (or a site admin vouches), then verified. */
export class SsoDomainDto {
  @ApiProperty({ example: 'example.com' }) domain!: string;
  @ApiProperty({ enum: SSO_DOMAIN_STATUSES, enumName: 'SsoDomainStatus', description: 'Only verified domains route sign-ins' })
  status!: (typeof SSO_DOMAIN_STATUSES)[number];

  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) verifiedAt!: string | null;
  @ApiProperty({ enum: SSO_DOMAIN_METHODS, enumName: 'SsoDomainVerificationMethod', nullable: true, description: 'dns: the TXT record was found; admin: a site admin marked it verified' })
  verificationMethod!: (typeof SSO_DOMAIN_METHODS)[number] | null;

  @ApiProperty({ example: '_goprep-challenge.example.com', description: 'The name of the TXT record to publish' }) recordName!: string;
  @ApiProperty({ example: 'goprep-verification=3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAA', description: 'The value of the TXT record' }) recordValue!: string;
}

export class SsoConfigDto {
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'Whether a client secret is stored (the secret itself is never returned)' }) clientSecretSet!: boolean;
  @ApiProperty({ type: [String], description: 'Every listed domain, pending or verified' }) emailDomains!: string[];
  @ApiProperty({ type: [SsoDomainDto], description: 'Each listed domain with its verification state and TXT record' }) domains!: SsoDomainDto[];
  @ApiProperty() ssoRequiredForManagers!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'The redirect URI to register at the provider' }) redirectUri!: string;
}


export class SsoStartQueryDto {
  @ApiProperty({ example: 'ada@example.com', description: 'The email (only its domain is used) that picks the organization' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

export class SsoSettingsDto {
  @ApiProperty({ description: 'The redirect URI to register at the provider' }) redirectUri!: string;
  @ApiProperty({ type: SsoConfigDto, nullable: true, description: 'Null until single sign-on is set up' }) config!: SsoConfigDto | null;
}
