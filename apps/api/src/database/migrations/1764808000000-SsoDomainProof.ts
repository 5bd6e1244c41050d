import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SecretBox, secretBoxFromEnv } from '../../common/crypto/secret-box';

/**
 * SSO email domains proven by DNS, and secrets encrypted at rest (issue 19).
 *
 * - A listed domain is pending until the organization publishes its challenge token in a TXT
 *   record (`_goprep-challenge.<domain>`) or a site admin marks it verified; only verified domains
 *   route sign-ins. Several organizations may hold one domain as pending (so a squatter's claim
 *   cannot lock the real owner out), but only one may hold it verified. Domains listed before this
 *   migration become pending.
 * - OIDC client secrets and webhook signing secrets are sealed with AES-256-GCM (see
 *   common/crypto/secret-box.ts). The key comes from this process's SECRETS_KEY (the fixed
 *   development key outside production), the same variable the app reads.
 * - The audit trail gains the entity 'organization' (a site admin's manual domain verification).
 */
export class SsoDomainProof1764808000000 implements MigrationInterface {
  name = 'SsoDomainProof1764808000000';

  async up(q: QueryRunner): Promise<void> {
    const box = secretBoxFromEnv(process.env);

    await q.query(`ALTER TABLE org_sso_domains
      ADD COLUMN verification_token text,
      ADD COLUMN verified_at timestamptz,
      ADD COLUMN verified_by uuid REFERENCES users(id) ON DELETE SET NULL,
      ADD COLUMN verification_method text CHECK (verification_method IN ('dns', 'admin')),
      ADD CONSTRAINT org_sso_domains_verified_check CHECK ((verified_at IS NULL) = (verification_method IS NULL))`);
    const domains: Array<{ domain: string }> = await q.query(`SELECT domain FROM org_sso_domains`);
    for (const d of domains) {
      await q.query(`UPDATE org_sso_domains SET verification_token = $2 WHERE domain = $1`, [d.domain, newDomainToken()]);
    }
    await q.query(`ALTER TABLE org_sso_domains ALTER COLUMN verification_token SET NOT NULL`);
    await q.query(`ALTER TABLE org_sso_domains DROP CONSTRAINT org_sso_domains_pkey`);
    await q.query(`ALTER TABLE org_sso_domains ADD PRIMARY KEY (organization_id, domain)`);
    await q.query(`CREATE UNIQUE INDEX org_sso_domains_verified_uq ON org_sso_domains (domain) WHERE verified_at IS NOT NULL`);

    await q.query(`ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_secret_check`);
    const configs: Array<{ organization_id: string; client_secret: string }> = await q.query(`SELECT organization_id, client_secret FROM org_sso_configs`);
    for (const c of configs) {
      if (c.client_secret !== '' && !SecretBox.isSealed(c.client_secret)) {
        await q.query(`UPDATE org_sso_configs SET client_secret = $2 WHERE organization_id = $1`, [c.organization_id, box.seal(c.client_secret)]);
      }
    }
    await q.query(`ALTER TABLE org_sso_configs ADD CONSTRAINT org_sso_configs_secret_sealed CHECK (client_secret = '' OR client_secret LIKE 'gpenc:%')`);
    const endpoints: Array<{ id: string; secret: string }> = await q.query(`SELECT id, secret FROM webhook_endpoints`);
    for (const e of endpoints) {
      if (!SecretBox.isSealed(e.secret)) await q.query(`UPDATE webhook_endpoints SET secret = $2 WHERE id = $1`, [e.id, box.seal(e.secret)]);
    }
    await q.query(`ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_secret_sealed CHECK (secret LIKE 'gpenc:%')`);

    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_entity_check`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_entity_check CHECK (entity IN ('set', 'invite', 'attempt', 'organization'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const box = secretBoxFromEnv(process.env);
    await q.query(`DELETE FROM audit_events WHERE entity = 'organization'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_entity_check`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_entity_check CHECK (entity IN ('set', 'invite', 'attempt'))`);

    await q.query(`ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_secret_sealed`);
    const endpoints: Array<{ id: string; secret: string }> = await q.query(`SELECT id, secret FROM webhook_endpoints`);
    for (const e of endpoints) {
      if (SecretBox.isSealed(e.secret)) await q.query(`UPDATE webhook_endpoints SET secret = $2 WHERE id = $1`, [e.id, box.open(e.secret)]);
    }
    await q.query(`ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_secret_check CHECK (secret LIKE 'whsec\\_%')`);
    await q.query(`ALTER TABLE org_sso_configs DROP CONSTRAINT org_sso_configs_secret_sealed`);
    const configs: Array<{ organization_id: string; client_secret: string }> = await q.query(`SELECT organization_id, client_secret FROM org_sso_configs`);
    for (const c of configs) {
      if (SecretBox.isSealed(c.client_secret)) {
        await q.query(`UPDATE org_sso_configs SET client_secret = $2 WHERE organization_id = $1`, [c.organization_id, box.open(c.client_secret)]);
      }
    }

    // One organization per domain again: the verified holder keeps it, else the earliest claim.
    await q.query(`DROP INDEX org_sso_domains_verified_uq`);
    await q.query(`DELETE FROM org_sso_domains d WHERE EXISTS (
      SELECT 1 FROM org_sso_domains o WHERE o.domain = d.domain AND o.organization_id <> d.organization_id
         AND (o.verified_at IS NOT NULL AND d.verified_at IS NULL OR (o.verified_at IS NULL) = (d.verified_at IS NULL) AND o.organization_id < d.organization_id))`);
    await q.query(`ALTER TABLE org_sso_domains DROP CONSTRAINT org_sso_domains_pkey`);
    await q.query(`ALTER TABLE org_sso_domains ADD PRIMARY KEY (domain)`);
    await q.query(`ALTER TABLE org_sso_domains DROP CONSTRAINT org_sso_domains_verified_check,
      DROP COLUMN verification_method, DROP COLUMN verified_by, DROP COLUMN verified_at, DROP COLUMN verification_token`);
  }
}

/** The same form as the service's tokens (sso-domain-proof.ts): 24 random bytes, base64url. */
function newDomainToken(): string {
  return randomBytes(24).toString('base64url');
}
