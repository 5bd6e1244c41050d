import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset tokens (issue 16.10), kept like invite tokens: only the SHA-256 of the token is
 * stored, each is used once (used_at), and it expires. A user's unused tokens are voided when one
 * is used or the password changes another way.
 */
export class PasswordResets1764607000000 implements MigrationInterface {
  name = 'PasswordResets1764607000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_by text NOT NULL CHECK (created_by IN ('mail', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_resets`);
  }
}
