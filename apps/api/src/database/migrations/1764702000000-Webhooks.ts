import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhooks (issue 19): an organization's endpoints and one delivery row per (endpoint,
 * event). The delivery keeps the exact body it signs and its message id, so every retry and every
 * redelivery sends the same bytes under the same `webhook-id` and receivers can de-duplicate.
 * The queue itself is graphile-worker's (the job is added in the event's transaction).
 */
export class Webhooks1764702000000 implements MigrationInterface {
  name = 'Webhooks1764702000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2048),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
        events text[] NOT NULL CHECK (cardinality(events) >= 1),
        enabled boolean NOT NULL DEFAULT true,
        secret text NOT NULL CHECK (secret LIKE 'whsec\\_%'),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, created_at)`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id text NOT NULL UNIQUE CHECK (message_id LIKE 'msg\\_%'),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        round_attempts integer NOT NULL DEFAULT 0 CHECK (round_attempts >= 0),
        response_status integer,
        response_body text CHECK (length(response_body) <= 1024),
        duration_ms integer,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
