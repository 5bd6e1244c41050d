import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrity signals recorded once each. The candidate's browser keeps unsent signals in local
 * storage and sends them again after a failure or a reload; when a batch reached the server but its
 * reply did not (a reload while it was in flight, a dropped connection), the next send recorded it a
 * second time. Each event now carries the id the browser gave it, unique per attempt; rows written
 * before (and events from a page loaded before this change) have none and are kept as they are.
 */
export class SignalEventIds1764811000000 implements MigrationInterface {
  name = 'SignalEventIds1764811000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempt_signals ADD COLUMN event_id uuid`);
    await q.query(`CREATE UNIQUE INDEX attempt_signals_event_uidx ON attempt_signals (attempt_id, event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS attempt_signals_event_uidx`);
    await q.query(`ALTER TABLE attempt_signals DROP COLUMN event_id`);
  }
}
