import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-learner FSRS optimisation: every evaluation the background job makes (fitted vs current
 * parameters by time-split log loss), whether it switched, and both parameter sets.
 */
export class SrsOptimization1764200000000 implements MigrationInterface {
  name = 'SrsOptimization1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE srs_optimizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        evaluated_at timestamptz NOT NULL,
        reason text NOT NULL CHECK (reason IN ('first', 'doubled', 'monthly')),
        outcome text NOT NULL CHECK (outcome IN ('switched', 'kept', 'not-enough-data', 'failed')),
        review_count integer NOT NULL CHECK (review_count >= 0),
        item_count integer NOT NULL CHECK (item_count >= 0),
        current_log_loss double precision,
        current_rmse double precision,
        fitted_log_loss double precision,
        fitted_rmse double precision,
        current_weights jsonb NOT NULL,
        fitted_weights jsonb,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        error text
      )`);
    // The job and the stats read a learner's latest evaluation.
    await q.query(`CREATE INDEX srs_optimizations_user_idx ON srs_optimizations (user_id, evaluated_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE srs_optimizations`);
  }
}
