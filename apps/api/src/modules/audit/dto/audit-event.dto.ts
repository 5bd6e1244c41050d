import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PagedQuery } from '../../../common/http/paging';

export const AUDIT_ENTITIES = ['set', 'invite', 'attempt', 'organization'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
}

/** One change: who (null for a candidate or the system), what, when. */
export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: AuditActorDto, nullable: true, description: 'null: a candidate, the system, or a deleted account' })
  actor!: AuditActorDto | null;

  @ApiProperty({ enum: AUDIT_ENTITIES, enumName: 'AuditEntity' }) entity!: AuditEntity;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ example: 'published', description: 'What happened, e.g. created, draft-saved, published, archived' }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Action-specific facts (version, changed fields ...)' })
  detail!: Record<string, unknown>;

  @ApiProperty() at!: string;
}

export const AUDIT_PAGE = { default: 100, max: 500 };

/** Paging of an audit trail (newest first). */
export class AuditQueryDto extends PagedQuery(AUDIT_PAGE.default, AUDIT_PAGE.max) {}
