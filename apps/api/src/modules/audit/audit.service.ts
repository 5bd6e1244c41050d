import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository';
import type { AuditEntity, AuditEventDto } from './dto/audit-event.dto';

export interface AuditRecord {
  orgId: string;
  /** The user who did it; null for a candidate (no account) or the system. */
  actorId: string | null;
  entity: AuditEntity;
  entityId: string;
  action: string;
  detail?: Record<string, unknown>;
}

/**
 * The append-only trail of who changed what in an organization's hiring data (sets, invites,
 * attempt overrides). Write it in the transaction of the change, so a rolled-back change leaves
 * no event and a committed one always has its event.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  record(manager: EntityManager | DataSource | undefined, event: AuditRecord): Promise<void> {
    return this.repo.insert(manager, { ...event, detail: event.detail ?? {} });
  }

  /** One entity's events, newest first. The caller has already checked the organization. */
  list(orgId: string, entity: AuditEntity, entityId: string, manager?: EntityManager): Promise<AuditEventDto[]> {
    return this.repo.list(orgId, entity, entityId, manager);
  }
}
