import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the scale benchmarks (tests/bench, docs/performance.md) showed missing. Item statistics
 * (ResultsService.statistics) ask, per attempt, whether any answer still waits for a manual grade:
 * without an index Postgres scans every answer of every attempt for the rare 'pending' ones (10M
 * rows at the documented scale). The partial index holds only those rows.
 */
export class PerformanceIndexes1764300000000 implements MigrationInterface {
  name = 'PerformanceIndexes1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS answers_pending_idx ON answers (attempt_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS answers_pending_idx`);
  }
}
