import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hiring, candidate side: invites to a published question-set version, attempts taken through an
 * invite (no user account), integrity signals, manual grades of essays, and the four review
 * policies ('score-only' becomes 'score').
 */
export class Invites1764100500000 implements MigrationInterface {
  name = 'Invites1764100500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidate_invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        set_id uuid NOT NULL REFERENCES question_sets(id) ON DELETE CASCADE,
        set_version_id uuid NOT NULL REFERENCES question_set_versions(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        attempts_allowed integer NOT NULL DEFAULT 1 CHECK (attempts_allowed BETWEEN 1 AND 100),
        extra_attempts integer NOT NULL DEFAULT 0 CHECK (extra_attempts BETWEEN 0 AND 100),
        extra_seconds integer NOT NULL DEFAULT 0 CHECK (extra_seconds BETWEEN 0 AND 86400),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        mailed_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    // The invite list and the results of a set, newest first.
    await q.query(`CREATE INDEX candidate_invites_set_idx ON candidate_invites (org_id, set_id, created_at DESC)`);

    // A candidate's attempt belongs to an invite instead of a user; quiz attempts keep user_id.
    await q.query(`ALTER TABLE attempts ALTER COLUMN user_id DROP NOT NULL`);
    await q.query(`ALTER TABLE attempts ADD COLUMN invite_id uuid REFERENCES candidate_invites(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE attempts ADD COLUMN set_version_id uuid REFERENCES question_set_versions(id)`);
    await q.query(`ALTER TABLE attempts ADD CONSTRAINT attempts_owner_check CHECK ((user_id IS NULL) <> (invite_id IS NULL))`);
    await q.query(`ALTER TABLE attempts ADD CONSTRAINT attempts_set_check CHECK (invite_id IS NULL OR (mode = 'set' AND set_version_id IS NOT NULL))`);
    await q.query(`CREATE INDEX attempts_invite_idx ON attempts (invite_id, started_at DESC) WHERE invite_id IS NOT NULL`);
    // Item statistics read every submitted attempt of one set version.
    await q.query(`CREATE INDEX attempts_set_version_idx ON attempts (set_version_id) WHERE set_version_id IS NOT NULL`);

    await q.query(`ALTER TABLE attempts DROP CONSTRAINT attempts_review_policy_check`);
    await q.query(`UPDATE attempts SET review_policy = 'score' WHERE review_policy = 'score-only'`);
    await q.query(
      `ALTER TABLE attempts ADD CONSTRAINT attempts_review_policy_check CHECK (review_policy IN ('none', 'score', 'correctness', 'full'))`,
    );

    // Integrity signals, as the candidate's browser reports them: never proof of anything.
    await q.query(`
      CREATE TABLE attempt_signals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('paste', 'blur', 'focus', 'hidden', 'visible')),
        position integer CHECK (position >= 1),
        duration_ms integer NOT NULL DEFAULT 0 CHECK (duration_ms BETWEEN 0 AND 86400000),
        chars integer CHECK (chars >= 0),
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attempt_signals_attempt_idx ON attempt_signals (attempt_id, occurred_at)`);

    // A person's grade of one item (essays): the answer row carries the score, this the who and why.
    await q.query(`
      CREATE TABLE manual_grades (
        attempt_id uuid NOT NULL,
        position integer NOT NULL,
        score numeric(10, 4) NOT NULL CHECK (score >= 0),
        comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
        graded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        graded_at timestamptz NOT NULL,
        PRIMARY KEY (attempt_id, position),
        FOREIGN KEY (attempt_id, position) REFERENCES attempt_items(attempt_id, position) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS manual_grades`);
    await q.query(`DROP TABLE IF EXISTS attempt_signals`);
    await q.query(`ALTER TABLE attempts DROP CONSTRAINT attempts_review_policy_check`);
    await q.query(`UPDATE attempts SET review_policy = 'score-only' WHERE review_policy = 'score'`);
    await q.query(`UPDATE attempts SET review_policy = 'full' WHERE review_policy = 'correctness'`);
    await q.query(`ALTER TABLE attempts ADD CONSTRAINT attempts_review_policy_check CHECK (review_policy IN ('full', 'score-only', 'none'))`);
    await q.query(`DELETE FROM attempts WHERE invite_id IS NOT NULL`);
    await q.query(`ALTER TABLE attempts DROP CONSTRAINT attempts_set_check`);
    await q.query(`ALTER TABLE attempts DROP CONSTRAINT attempts_owner_check`);
    await q.query(`ALTER TABLE attempts DROP COLUMN set_version_id`);
    await q.query(`ALTER TABLE attempts DROP COLUMN invite_id`);
    await q.query(`ALTER TABLE attempts ALTER COLUMN user_id SET NOT NULL`);
    await q.query(`DROP TABLE IF EXISTS candidate_invites`);
  }
}
