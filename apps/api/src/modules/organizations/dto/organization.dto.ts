import { ApiProperty } from '@nestjs/swagger';
import { IsDisplayText } from '../../../common/http/display-text';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Acme Infra', minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(2, 100, { message: 'name must be 2 to 100 characters' })
  @IsDisplayText()
  name!: string;
}

export class CreateOrgInviteDto {
  @ApiProperty({ example: 'grace@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

export class AcceptOrgInviteDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is malformed' })
  token!: string;
}

export class OrganizationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['owner', 'manager'] }) role!: 'owner' | 'manager';
}

export class OrgInviteCreatedDto {
  @ApiProperty({ description: 'Shown once: only its hash is stored' }) token!: string;
  @ApiProperty() link!: string;
  @ApiProperty() email!: string;
  @ApiProperty() expiresAt!: string;
}
