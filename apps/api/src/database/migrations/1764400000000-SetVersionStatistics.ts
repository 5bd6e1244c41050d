import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Item statistics answered from a stored snapshot (ResultsService.statistics, StatsRefreshService).
 * A snapshot is valid while the fingerprint of its inputs is unchanged: the number of submitted
 * attempts of the version, their newest finished_at and the sum of their scores. A manual grade
 * clears the fingerprint and bumps generation in its own transaction, and a snapshot is only
 * written over the generation its computation started from, so a grade racing a computation
 * never leaves a stale snapshot behind. The covering index lets the fingerprint be
 * read from the index alone instead of visiting every attempt row of the version.
 */
export class SetVersionStatistics1764400000000 implements MigrationInterface {
  name = 'SetVersionStatistics1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE set_version_statistics (
        set_version_id uuid PRIMARY KEY REFERENCES question_set_versions(id) ON DELETE CASCADE,
        fingerprint text,
        generation bigint NOT NULL DEFAULT 0,
        statistics jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS attempts_set_version_submitted_idx ON attempts (set_version_id) INCLUDE (finished_at, score)
        WHERE state = 'submitted' AND set_version_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS attempts_set_version_submitted_idx`);
    await q.query(`DROP TABLE IF EXISTS set_version_statistics`);
  }
}
