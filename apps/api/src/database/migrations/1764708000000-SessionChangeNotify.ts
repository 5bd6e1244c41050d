import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session lookups are cached for a few seconds per API instance (issue 17). Every change to a
 * session or a user row (logout, revocation, password or role change, deletion), whichever code
 * or tool makes it, notifies channel `session_changes` with the user's id at commit, so that every
 * instance drops that user's cached sessions at once.
 */
export class SessionChangeNotify1764708000000 implements MigrationInterface {
  name = 'SessionChangeNotify1764708000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'sessions' THEN
          PERFORM pg_notify('session_changes', OLD.user_id::text);
        ELSE
          PERFORM pg_notify('session_changes', OLD.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER sessions_notify_change AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
    await q.query(`CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_notify_change ON users`);
    await q.query(`DROP TRIGGER sessions_notify_change ON sessions`);
    await q.query(`DROP FUNCTION notify_session_change()`);
  }
}
