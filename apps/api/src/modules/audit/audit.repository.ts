import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntity, AuditEventDto } from './dto/audit-event.dto';

/** One row of `audit_events` joined with its actor, as the trail query returns it. */
export interface AuditRow {
  id: string;
  actor_id: string | null;
  display_name: string | null;
  email: string | null;
  entity: AuditEntity;
  entity_id: string;
  action: string;
  detail: Record<string, unknown>;
  at: Date;
}

/** What one audit event stores. */
export interface AuditInsert {
  orgId: string;
  actorId: string | null;
  entity: AuditEntity;
  entityId: string;
  action: string;
  detail: Record<string, unknown>;
}

/** The SQL of the audit trail. Writes take the transaction of the change they record. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async insert(manager: EntityManager | DataSource | undefined, event: AuditInsert): Promise<void> {
    await (manager ?? this.db).query(
      `INSERT INTO audit_events (org_id, actor_id, entity, entity_id, action, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.orgId, event.actorId, event.entity, event.entityId, event.action, JSON.stringify(event.detail)],
    );
  }

  /** One entity's events, newest first. */
  async list(orgId: string, entity: AuditEntity, entityId: string, manager?: EntityManager): Promise<AuditEventDto[]> {
    const rows: AuditRow[] = await (manager ?? this.db).query(
      `SELECT e.id, e.actor_id, u.display_name, u.email, e.entity, e.entity_id, e.action, e.detail, e.at
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.org_id = $1 AND e.entity = $2 AND e.entity_id = $3
        ORDER BY e.at DESC, e.id`,
      [orgId, entity, entityId],
    );
    return rows.map(mapAuditEvent);
  }
}

export function mapAuditEvent(r: AuditRow): AuditEventDto {
  return {
    id: r.id,
    actor: r.actor_id !== null && r.display_name !== null && r.email !== null ? { id: r.actor_id, displayName: r.display_name, email: r.email } : null,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    detail: r.detail,
    at: r.at.toISOString(),
  };
}
