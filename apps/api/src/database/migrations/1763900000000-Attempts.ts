import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attempts (quick quizzes, mock interviews, later question sets), their pinned items and answers. */
export class Attempts1763900000000 implements MigrationInterface {
  name = 'Attempts1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        mode text NOT NULL CHECK (mode IN ('quick', 'mock', 'set')),
        config jsonb NOT NULL,
        seed bigint NOT NULL CHECK (seed BETWEEN 0 AND 4294967295),
        state text NOT NULL DEFAULT 'in_progress' CHECK (state IN ('in_progress', 'submitted', 'abandoned')),
        started_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        submitted_at timestamptz,
        finished_at timestamptz,
        overdue_policy text NOT NULL DEFAULT 'auto-submit' CHECK (overdue_policy IN ('auto-submit', 'grace-period', 'not-counted')),
        submit_grace_seconds integer NOT NULL DEFAULT 0 CHECK (submit_grace_seconds >= 0),
        review_policy text NOT NULL DEFAULT 'full' CHECK (review_policy IN ('full', 'score-only', 'none')),
        score numeric(10, 4),
        max_score numeric(10, 4),
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (deadline_at > started_at),
        CHECK ((state = 'in_progress') = (finished_at IS NULL))
      )`);
    // History: a learner's attempts, newest first.
    await q.query(`CREATE INDEX attempts_user_started_idx ON attempts (user_id, started_at DESC)`);
    // The sweep: open attempts by deadline. Partial, so it only ever holds the open ones.
    await q.query(`CREATE INDEX attempts_due_idx ON attempts (deadline_at) WHERE state = 'in_progress'`);

    await q.query(`
      CREATE TABLE attempt_items (
        attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        question_version_id uuid NOT NULL REFERENCES question_versions(id),
        option_order text[],
        points numeric(10, 4) NOT NULL DEFAULT 1 CHECK (points > 0),
        PRIMARY KEY (attempt_id, position)
      )`);
    // Item statistics (facility, discrimination) read all answers to one question version.
    await q.query(`CREATE INDEX attempt_items_version_idx ON attempt_items (question_version_id)`);

    await q.query(`
      CREATE TABLE answers (
        attempt_id uuid NOT NULL,
        position integer NOT NULL,
        response jsonb,
        flagged boolean NOT NULL DEFAULT false,
        time_spent_ms integer NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
        saved_at timestamptz NOT NULL DEFAULT now(),
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 0),
        score numeric(10, 4),
        status text CHECK (status IN ('correct', 'partial', 'incorrect', 'pending', 'unanswered')),
        PRIMARY KEY (attempt_id, position),
        FOREIGN KEY (attempt_id, position) REFERENCES attempt_items(attempt_id, position) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS answers`);
    await q.query(`DROP TABLE IF EXISTS attempt_items`);
    await q.query(`DROP TABLE IF EXISTS attempts`);
  }
}
