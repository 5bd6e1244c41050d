import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { TOKEN_SCOPES, type TokenScopeName } from '../../../common/auth/decorators';
import { IsDisplayText } from '../../../common/http/display-text';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateApiTokenDto {
  @ApiProperty({ example: 'ATS export', minLength: 1, maxLength: 100, description: 'What the token is for' })
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  @IsDisplayText()
  name!: string;

  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true, example: ['results:read'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(TOKEN_SCOPES.length)
  @ArrayUnique()
  @IsIn(TOKEN_SCOPES, { each: true })
  scopes!: TokenScopeName[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'When the token stops working (ISO 8601, in the future, at most a year away); omitted or null: never',
    nullable: true,
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['personal', 'organization'] }) kind!: 'personal' | 'organization';
  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true }) scopes!: TokenScopeName[];
  @ApiProperty({ description: 'The first characters of the token, to recognise it by' }) prefix!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Display name of the user who created it (null once that account is gone)',
  })
  createdBy!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Updated at most once a minute' }) lastUsedAt!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status!: 'active' | 'expired' | 'revoked';
}

export class ApiTokenCreatedDto extends ApiTokenDto {
  @ApiProperty({ description: 'The secret, shown this once: only its SHA-256 is stored', example: 'gp_...' })
  token!: string;
}
