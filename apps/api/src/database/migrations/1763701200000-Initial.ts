import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, organizations, rate limits and the question bank. */
export class Initial1763701200000 implements MigrationInterface {
  name = 'Initial1763701200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_role AS ENUM ('learner', 'manager', 'admin')`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role user_role NOT NULL DEFAULT 'learner',
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        user_agent text,
        ip text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        count integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TYPE membership_role AS ENUM ('owner', 'manager')`);
    await q.query(`
      CREATE TABLE memberships (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role membership_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await q.query(`
      CREATE TABLE org_invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE topics (
        id text PRIMARY KEY,
        title text NOT NULL,
        core boolean NOT NULL,
        description text NOT NULL,
        position integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE questions (
        id text PRIMARY KEY,
        topic_id text NOT NULL REFERENCES topics(id),
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        current_version integer NOT NULL,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE question_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id text NOT NULL REFERENCES questions(id),
        version integer NOT NULL,
        content_hash text NOT NULL,
        title text NOT NULL,
        topic_id text NOT NULL,
        subtopic text NOT NULL,
        type text NOT NULL,
        difficulty smallint NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
        tags text[] NOT NULL,
        go_version text NOT NULL,
        expected_seconds integer NOT NULL,
        prompt text NOT NULL,
        code text,
        options jsonb,
        unit text,
        answer_key jsonb NOT NULL,
        explanation text NOT NULL,
        "references" text[] NOT NULL,
        verify jsonb NOT NULL,
        search_text text NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (question_id, version)
      )`);
    await q.query(`CREATE INDEX question_versions_search_idx ON question_versions USING gin (search)`);
    await q.query(`CREATE INDEX question_versions_tags_idx ON question_versions USING gin (tags)`);
    await q.query(`CREATE INDEX questions_topic_idx ON questions (topic_id) WHERE retired_at IS NULL`);
    await q.query(`
      CREATE TABLE bank_loads (
        id bigserial PRIMARY KEY,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        inserted integer NOT NULL,
        versioned integer NOT NULL,
        retired integer NOT NULL,
        unchanged integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'bank_loads',
      'question_versions',
      'questions',
      'topics',
      'org_invites',
      'memberships',
      'organizations',
      'rate_limits',
      'sessions',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP TYPE IF EXISTS membership_role`);
    await q.query(`DROP TYPE IF EXISTS user_role`);
  }
}
