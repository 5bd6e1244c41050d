import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WEBHOOK_QUEUE_SCHEMA, WEBHOOK_TASK } from './webhook-queue';

/** Retries of a job whose handler itself failed (a database error, not a receiver's answer). */
const JOB_MAX_ATTEMPTS = 5;

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface EndpointRow {
  id: string;
  org_id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  /** Sealed (SecretBox): open it only where the plain secret is needed. */
  secret: string;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  message_id: string;
  endpoint_id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  round_attempts: number;
  response_status: number | null;
  response_body: string | null;
  duration_ms: number | null;
  error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  completed_at: Date | null;
}

/** A delivery with what its worker needs of the endpoint. */
export interface DeliveryWork extends DeliveryRow {
  url: string;
  secret: string;
  enabled: boolean;
}

export interface AttemptRecord {
  status: DeliveryStatus;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  /** Set when another attempt is due (status stays pending). */
  retryAt: Date | null;
}

const ENDPOINT_COLUMNS = `id, org_id, url, description, events, enabled, secret, created_at, updated_at`;
const DELIVERY_COLUMNS = `d.id, d.message_id, d.endpoint_id, d.event_type, d.body, d.status, d.attempts, d.round_attempts, d.response_status,
  d.response_body, d.duration_ms, d.error, d.created_at, d.last_attempt_at, d.next_attempt_at, d.completed_at`;

/** Queues one job per delivery id of the CTE `d`, keyed so that a redelivery replaces a waiting job. */
const ADD_JOBS = `SELECT ${WEBHOOK_QUEUE_SCHEMA}.add_job('${WEBHOOK_TASK}', json_build_object('deliveryId', d.id), max_attempts => ${JOB_MAX_ATTEMPTS},
  job_key => 'webhook:' || d.id::text) FROM d`;

/** The SQL of webhook endpoints and deliveries, and the queueing of their jobs. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Moves into the webhook queue the webhook jobs an earlier version queued in the judge's schema
   * (graphile_worker), where no worker takes them any more. A job locked by a worker in the last
   * 4 hours stays: graphile-worker's own rule for a lock that may still be held (`complete_jobs`),
   * so a later start moves it if it is still there. Two instances starting at once move each job
   * once: `complete_jobs` deletes under row locks and returns only the rows it deleted.
   */
  async moveJobsFromJudgeQueue(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `WITH old AS (
         SELECT * FROM graphile_worker.complete_jobs(array(
           SELECT id FROM graphile_worker.jobs WHERE task_identifier = $1 AND attempts < max_attempts)))
       SELECT count(${WEBHOOK_QUEUE_SCHEMA}.add_job($1, old.payload, run_at => old.run_at,
                max_attempts => old.max_attempts, job_key => old.key, priority => old.priority))::int AS n
         FROM old`,
      [WEBHOOK_TASK],
    );
    return rows[0]?.n ?? 0;
  }

  listEndpoints(orgId: string): Promise<EndpointRow[]> {
    return this.db.query(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE org_id = $1 ORDER BY created_at, id LIMIT 100`, [orgId]);
  }

  async findEndpoint(orgId: string, id: string): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await this.db.query(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE org_id = $1 AND id = $2`, [orgId, id]);
    return rows[0] ?? null;
  }

  async insertEndpoint(e: { orgId: string; url: string; description: string; events: string[]; enabled: boolean; secret: string; createdBy: string }): Promise<EndpointRow> {
    const rows: EndpointRow[] = await this.db.query(
      `INSERT INTO webhook_endpoints (org_id, url, description, events, enabled, secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ENDPOINT_COLUMNS}`,
      [e.orgId, e.url, e.description, e.events, e.enabled, e.secret, e.createdBy],
    );
    const [row] = rows;
    if (!row) throw new Error('INSERT ... RETURNING answered no row');
    return row;
  }

  async updateEndpoint(orgId: string, id: string, e: { url: string; description: string; events: string[]; enabled: boolean }): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await this.db.query(
      `WITH u AS (
         UPDATE webhook_endpoints SET url = $3, description = $4, events = $5, enabled = $6, updated_at = now()
          WHERE org_id = $1 AND id = $2 RETURNING ${ENDPOINT_COLUMNS})
       SELECT * FROM u`,
      [orgId, id, e.url, e.description, e.events, e.enabled],
    );
    return rows[0] ?? null;
  }

  async sealedSecrets(): Promise<Array<{ id: string; secret: string }>> {
    return this.db.query(`SELECT id, secret FROM webhook_endpoints`);
  }

  /** Replaces a sealed secret only if it is still the one read (a concurrent rotation wins). */
  async replaceSealedSecret(id: string, from: string, to: string): Promise<void> {
    await this.db.query(`UPDATE webhook_endpoints SET secret = $3 WHERE id = $1 AND secret = $2`, [id, from, to]);
  }

  async rotateSecret(orgId: string, id: string, secret: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH u AS (UPDATE webhook_endpoints SET secret = $3, updated_at = now() WHERE org_id = $1 AND id = $2 RETURNING id) SELECT id FROM u`,
      [orgId, id, secret],
    );
    return rows.length > 0;
  }

  /** Deletes the endpoint and its deliveries; their waiting jobs find nothing and end. */
  async deleteEndpoint(orgId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`WITH d AS (DELETE FROM webhook_endpoints WHERE org_id = $1 AND id = $2 RETURNING id) SELECT id FROM d`, [orgId, id]);
    return rows.length > 0;
  }

  /**
   * One delivery (and its job) per enabled endpoint of the organization subscribed to the event,
   * in the caller's transaction when there is one: the event and its deliveries commit together.
   */
  async enqueueEvent(tx: EntityManager | undefined, orgId: string, type: string, body: string): Promise<number> {
    const rows: unknown[] = await (tx ?? this.db.manager).query(
      `WITH d AS (
         INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, body)
         SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, $2, $3
           FROM webhook_endpoints e WHERE e.org_id = $1 AND e.enabled AND $2 = ANY (e.events)
         RETURNING id)
       ${ADD_JOBS}`,
      [orgId, type, body],
    );
    return rows.length;
  }

  /** A delivery to one endpoint whatever its events and enabled flag (the "send test event" button). */
  async enqueueForEndpoint(orgId: string, endpointId: string, type: string, body: string): Promise<string | null> {
    return this.transaction(async (tx) => {
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, body)
         SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, $3, $4
           FROM webhook_endpoints e WHERE e.org_id = $1 AND e.id = $2
         RETURNING id`,
        [orgId, endpointId, type, body],
      );
      const id = rows[0]?.id;
      if (!id) return null;
      await tx.query(`WITH d AS (SELECT $1::uuid AS id) ${ADD_JOBS}`, [id]);
      return id;
    });
  }

  /**
   * Sends a delivery again under its message id and body: a new round of attempts starts (the
   * total count keeps growing). Null when the delivery is not the endpoint's.
   */
  async redeliver(orgId: string, endpointId: string, deliveryId: string): Promise<string | null> {
    return this.transaction(async (tx) => {
      const rows: Array<{ id: string }> = await tx.query(
        `WITH d AS (
           UPDATE webhook_deliveries d SET status = 'pending', round_attempts = 0, next_attempt_at = NULL, completed_at = NULL
             FROM webhook_endpoints e
            WHERE d.id = $3 AND d.endpoint_id = $2 AND e.id = d.endpoint_id AND e.org_id = $1
           RETURNING d.id)
         SELECT id FROM d`,
        [orgId, endpointId, deliveryId],
      );
      const id = rows[0]?.id;
      if (!id) return null;
      await tx.query(`WITH d AS (SELECT $1::uuid AS id) ${ADD_JOBS}`, [id]);
      return id;
    });
  }

  listDeliveries(orgId: string, endpointId: string, limit: number): Promise<DeliveryRow[]> {
    return this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE e.org_id = $1 AND d.endpoint_id = $2 ORDER BY d.created_at DESC, d.id LIMIT $3`,
      [orgId, endpointId, limit],
    );
  }

  async findDelivery(id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await this.db.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async deliveryWork(id: string): Promise<DeliveryWork | null> {
    const rows: DeliveryWork[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS}, e.url, e.secret, e.enabled FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores one attempt's outcome and, when another is due, queues it at `retryAt`, together.
   * Only a pending delivery is updated (a redelivery or a deletion in between wins).
   */
  async recordAttempt(id: string, r: AttemptRecord): Promise<void> {
    await this.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `WITH u AS (
           UPDATE webhook_deliveries SET attempts = attempts + 1, round_attempts = round_attempts + 1, status = $2,
                  response_status = $3, response_body = $4, duration_ms = $5, error = $6, last_attempt_at = now(),
                  next_attempt_at = $7, completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
            WHERE id = $1 AND status = 'pending' RETURNING id)
         SELECT id FROM u`,
        [id, r.status, r.responseStatus, r.responseBody, r.durationMs, r.error, r.retryAt],
      );
      if (rows.length > 0 && r.status === 'pending' && r.retryAt) {
        await tx.query(
          `SELECT ${WEBHOOK_QUEUE_SCHEMA}.add_job('${WEBHOOK_TASK}', json_build_object('deliveryId', $1::uuid), run_at => $2,
             max_attempts => ${JOB_MAX_ATTEMPTS}, job_key => 'webhook:' || $1::text)`,
          [id, r.retryAt],
        );
      }
    });
  }

  /** A candidate attempt's totals as stored (null for a learner's own attempt). */
  async attemptFacts(
    tx: EntityManager,
    attemptId: string,
  ): Promise<{ invite_id: string; submitted_at: Date; finished_at: Date; score: string; max_score: string; pending: number } | null> {
    const rows: Array<{ invite_id: string; submitted_at: Date; finished_at: Date; score: string; max_score: string; pending: number }> = await tx.query(
      `SELECT invite_id, submitted_at, finished_at, score, max_score, COALESCE((result->>'pending')::int, 0) AS pending
         FROM attempts WHERE id = $1 AND invite_id IS NOT NULL AND state = 'submitted'`,
      [attemptId],
    );
    return rows[0] ?? null;
  }

  /** What an invite's events say about it (never its token). */
  async inviteFacts(tx: EntityManager | undefined, inviteId: string): Promise<{ org_id: string; set_id: string; version: number; name: string; email: string } | null> {
    const rows: Array<{ org_id: string; set_id: string; version: number; name: string; email: string }> = await (tx ?? this.db.manager).query(
      `SELECT i.org_id, i.set_id, v.version, i.name, i.email FROM candidate_invites i JOIN question_set_versions v ON v.id = i.set_version_id WHERE i.id = $1`,
      [inviteId],
    );
    return rows[0] ?? null;
  }
}
