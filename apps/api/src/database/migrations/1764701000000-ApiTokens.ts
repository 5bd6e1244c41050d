import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens (issue 19): personal tokens act as their user; organization tokens act as a bot user
 * that is a member of that one organization only (GitLab's group access token model), so every
 * existing membership check confines them to their organization and they outlive whoever made
 * them. Only the SHA-256 of a token is stored. `bot` marks users that cannot log in.
 */
export class ApiTokens1764701000000 implements MigrationInterface {
  name = 'ApiTokens1764701000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN bot boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        prefix text NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('personal', 'organization')),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['results:read', 'sets:manage', 'invites:manage', 'bank:read']),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        CHECK ((kind = 'organization') = (organization_id IS NOT NULL)),
        CHECK (expires_at IS NULL OR expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id) WHERE kind = 'personal'`);
    await q.query(`CREATE INDEX api_tokens_org_idx ON api_tokens (organization_id) WHERE organization_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM users WHERE bot`);
    await q.query(`DROP TABLE api_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN bot`);
  }
}
