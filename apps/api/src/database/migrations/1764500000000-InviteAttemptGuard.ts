import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One open attempt per invite, and never more attempts than the invite allows, guaranteed by the
 * database rather than only by the service's lock (issue 13: concurrent starts created up to twenty
 * attempts on a one-attempt invite, because the re-check after the lock wait read a stale snapshot).
 *
 * Repair first: attempts already beyond an invite's allowance are marked `beyond_allowance` (kept,
 * for the record, but left out of attempt counts, results and item statistics), and those still
 * open are closed as abandoned. The attempts kept are the ones the candidate worked in (most saved
 * answers first, then the newest), since the extra ones were tabs the candidate never answered in.
 */
export class InviteAttemptGuard1764500000000 implements MigrationInterface {
  name = 'InviteAttemptGuard1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempts ADD COLUMN beyond_allowance boolean NOT NULL DEFAULT false`);
    const marked = (await q.query(
      `WITH ranked AS (
         SELECT a.id, ci.attempts_allowed + ci.extra_attempts AS allowed,
                row_number() OVER (PARTITION BY a.invite_id
                  ORDER BY (SELECT count(*) FROM answers an WHERE an.attempt_id = a.id AND an.response IS NOT NULL) DESC, a.started_at DESC, a.id) AS n
           FROM attempts a JOIN candidate_invites ci ON ci.id = a.invite_id),
       marked AS (
         UPDATE attempts a SET beyond_allowance = true,
                state = CASE WHEN a.state = 'in_progress' THEN 'abandoned' ELSE a.state END,
                finished_at = CASE WHEN a.state = 'in_progress' THEN now() ELSE a.finished_at END
           FROM ranked r WHERE r.id = a.id AND r.n > r.allowed
         RETURNING a.id)
       SELECT count(*)::int AS n FROM marked`,
    )) as Array<{ n: number }>;
    const n = marked[0]?.n ?? 0;
    if (n > 0) process.stdout.write(`migration ${this.name}: ${n} attempt(s) beyond their invite's allowance marked and left out of statistics\n`);
    // A second open attempt of one invite is impossible, whoever inserts it.
    await q.query(`CREATE UNIQUE INDEX attempts_one_open_per_invite ON attempts (invite_id) WHERE state = 'in_progress' AND invite_id IS NOT NULL`);
    // The allowance can change (overrides), so it cannot be a CHECK: a trigger locks the invite and
    // counts with a fresh snapshot (each statement of a volatile function takes one).
    await q.query(`
      CREATE FUNCTION attempts_invite_allowance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        allowed integer;
        used integer;
      BEGIN
        IF NEW.invite_id IS NULL OR NEW.beyond_allowance THEN
          RETURN NEW;
        END IF;
        SELECT attempts_allowed + extra_attempts INTO allowed FROM candidate_invites WHERE id = NEW.invite_id FOR UPDATE;
        SELECT count(*) INTO used FROM attempts WHERE invite_id = NEW.invite_id AND NOT beyond_allowance;
        IF used >= allowed THEN
          RAISE EXCEPTION 'invite % has used its attempt allowance (% of %)', NEW.invite_id, used, allowed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'attempts_invite_allowance';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER attempts_invite_allowance BEFORE INSERT ON attempts FOR EACH ROW EXECUTE FUNCTION attempts_invite_allowance()`);
    // Item statistics read their fingerprint from this index alone: it must leave the marked attempts out too.
    await q.query(`DROP INDEX IF EXISTS attempts_set_version_submitted_idx`);
    await q.query(
      `CREATE INDEX attempts_set_version_submitted_idx ON attempts (set_version_id) INCLUDE (finished_at, score)
        WHERE state = 'submitted' AND set_version_id IS NOT NULL AND NOT beyond_allowance`,
    );
    // Snapshots computed with the marked attempts in them are stale now.
    await q.query(`UPDATE set_version_statistics SET fingerprint = NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS attempts_set_version_submitted_idx`);
    await q.query(
      `CREATE INDEX attempts_set_version_submitted_idx ON attempts (set_version_id) INCLUDE (finished_at, score)
        WHERE state = 'submitted' AND set_version_id IS NOT NULL`,
    );
    await q.query(`DROP TRIGGER IF EXISTS attempts_invite_allowance ON attempts`);
    await q.query(`DROP FUNCTION IF EXISTS attempts_invite_allowance()`);
    await q.query(`DROP INDEX IF EXISTS attempts_one_open_per_invite`);
    await q.query(`ALTER TABLE attempts DROP COLUMN beyond_allowance`);
  }
}
