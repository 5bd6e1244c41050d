import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live interview rooms (issue 18): a room, its two seats (a user, or a guest holding a member
 * token), join tokens, what the interviewer asked, private notes, the scorecard, and the shared
 * document as append-only Yjs updates plus a snapshot per room. Tokens are stored as SHA-256 only.
 */
export class Rooms1764705000000 implements MigrationInterface {
  name = 'Rooms1764705000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('peer', 'manager')),
        title text NOT NULL,
        role text NOT NULL,
        level text NOT NULL CHECK (level IN ('junior', 'mid', 'senior', 'staff')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ended')),
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        invite_id uuid REFERENCES candidate_invites(id) ON DELETE SET NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
        timer_started_at timestamptz,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        task_question_id text REFERENCES questions(id),
        task_version_id uuid REFERENCES question_versions(id),
        prompt text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_at > created_at),
        CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX rooms_invite_idx ON rooms (invite_id) WHERE invite_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE room_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('interviewer', 'candidate')),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        display_name text NOT NULL,
        member_token_hash bytea UNIQUE,
        joined_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (user_id IS NULL OR member_token_hash IS NULL),
        CONSTRAINT room_members_role_uq UNIQUE (room_id, role) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE UNIQUE INDEX room_members_user_uq ON room_members (room_id, user_id) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX room_members_user_idx ON room_members (user_id) WHERE user_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE room_join_tokens (
        token_hash bytea PRIMARY KEY,
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('interviewer', 'candidate')),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX room_join_tokens_room_idx ON room_join_tokens (room_id)`);
    await q.query(`
      CREATE TABLE room_asked (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        question_id text NOT NULL REFERENCES questions(id),
        question_version_id uuid NOT NULL REFERENCES question_versions(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX room_asked_room_idx ON room_asked (room_id, at)`);
    await q.query(`
      CREATE TABLE room_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        author_member_id uuid NOT NULL REFERENCES room_members(id) ON DELETE CASCADE,
        body text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX room_notes_room_idx ON room_notes (room_id, at)`);
    await q.query(`
      CREATE TABLE room_scorecards (
        room_id uuid PRIMARY KEY REFERENCES rooms(id) ON DELETE CASCADE,
        ratings jsonb NOT NULL,
        recommendation text CHECK (recommendation IN ('hire', 'no-hire')),
        strengths text,
        next_steps text,
        comments text,
        scored_by uuid REFERENCES room_members(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE room_runs (
        run_id uuid PRIMARY KEY REFERENCES judge_runs(id) ON DELETE CASCADE,
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        reported_at timestamptz
      )`);
    await q.query(`CREATE INDEX room_runs_pending_idx ON room_runs (room_id) WHERE reported_at IS NULL`);
    // Append-only: seq orders a room's updates; nothing updates or deletes a row but the room's deletion.
    await q.query(`
      CREATE TABLE room_doc_updates (
        room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        update bytea NOT NULL,
        PRIMARY KEY (room_id, seq)
      )`);
    await q.query(`
      CREATE TABLE room_doc_snapshots (
        room_id uuid PRIMARY KEY REFERENCES rooms(id) ON DELETE CASCADE,
        state bytea NOT NULL,
        upto_seq bigint NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['room_doc_snapshots', 'room_doc_updates', 'room_runs', 'room_scorecards', 'room_notes', 'room_asked', 'room_join_tokens', 'room_members', 'rooms']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
