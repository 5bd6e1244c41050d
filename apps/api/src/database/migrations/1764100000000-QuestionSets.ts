import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hiring question sets (issue 7): a set per organization, its versions (at most one draft; a
 * published version is frozen, enforced by a trigger as well as by the service), and the audit
 * trail shared by sets, invites and attempts.
 */
export class QuestionSets1764100000000 implements MigrationInterface {
  name = 'QuestionSets1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE question_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        title text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    // The list: an organization's sets, most recently changed first.
    await q.query(`CREATE INDEX question_sets_org_idx ON question_sets (org_id, updated_at DESC)`);

    await q.query(`
      CREATE TABLE question_set_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        set_id uuid NOT NULL REFERENCES question_sets(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        state text NOT NULL CHECK (state IN ('draft', 'published')),
        title text NOT NULL,
        instructions text NOT NULL DEFAULT '',
        time_limit_seconds integer NOT NULL CHECK (time_limit_seconds BETWEEN 60 AND 28800),
        shuffle_options boolean NOT NULL DEFAULT true,
        overdue_policy text NOT NULL DEFAULT 'auto-submit' CHECK (overdue_policy IN ('auto-submit', 'grace-period', 'not-counted')),
        submit_grace_seconds integer NOT NULL DEFAULT 0 CHECK (submit_grace_seconds >= 0),
        review_policy text NOT NULL DEFAULT 'score' CHECK (review_policy IN ('none', 'score', 'correctness', 'full')),
        items jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(items) = 'array'),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (set_id, version),
        CHECK ((state = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX question_set_versions_one_draft_idx ON question_set_versions (set_id) WHERE state = 'draft'`);
    // Invites and attempts point at published versions: nothing may change one after the fact.
    await q.query(`
      CREATE FUNCTION question_set_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'question set version % of set % is published and cannot change', OLD.version, OLD.set_id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER question_set_versions_frozen BEFORE UPDATE ON question_set_versions
        FOR EACH ROW WHEN (OLD.state = 'published') EXECUTE FUNCTION question_set_versions_frozen()`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        entity text NOT NULL CHECK (entity IN ('set', 'invite', 'attempt')),
        entity_id uuid NOT NULL,
        action text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        -- clock_timestamp, not now(): several events of one transaction keep their order.
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (org_id, entity, entity_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_events`);
    await q.query(`DROP TABLE IF EXISTS question_set_versions`);
    await q.query(`DROP FUNCTION IF EXISTS question_set_versions_frozen()`);
    await q.query(`DROP TABLE IF EXISTS question_sets`);
  }
}
