import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on per organization (issue 19): one OpenID Connect client per organization, the
 * email domains that route a sign-in to it (a domain belongs to at most one organization), and
 * the short-lived state of sign-ins in flight (PKCE verifier, nonce; one use each). A user who
 * arrives through SSO joins the organization as a 'member', which grants no hiring rights.
 */
export class OrgSso1764703000000 implements MigrationInterface {
  name = 'OrgSso1764703000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE membership_role ADD VALUE IF NOT EXISTS 'member'`);
    await q.query(`
      CREATE TABLE org_sso_configs (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret text NOT NULL,
        sso_required_for_managers boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT false,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE org_sso_domains (
        domain text PRIMARY KEY CHECK (domain = lower(domain)),
        organization_id uuid NOT NULL REFERENCES org_sso_configs(organization_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX org_sso_domains_org_idx ON org_sso_domains (organization_id)`);
    await q.query(`
      CREATE TABLE sso_login_states (
        state_hash bytea PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sso_login_states_expiry_idx ON sso_login_states (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_login_states`);
    await q.query(`DROP TABLE org_sso_domains`);
    await q.query(`DROP TABLE org_sso_configs`);
    // Postgres cannot drop an enum value; 'member' rows are removed so the old code never sees one.
    await q.query(`DELETE FROM memberships WHERE role = 'member'`);
  }
}
