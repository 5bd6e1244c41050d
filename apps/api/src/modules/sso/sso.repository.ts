import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SsoConfigRow {
  organization_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  sso_required_for_managers: boolean;
  enabled: boolean;
  updated_at: Date;
  email_domains: string[];
}

export interface SsoConfigWrite {
  organizationId: string;
  issuer: string;
  clientId: string;
  /** Null keeps the stored secret. */
  clientSecret: string | null;
  emailDomains: string[];
  ssoRequiredForManagers: boolean;
  enabled: boolean;
  updatedBy: string;
}

export interface SsoStateRow {
  organization_id: string;
  code_verifier: string;
  nonce: string;
}

/** Postgres unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** The SQL of per-organization single sign-on: client settings, domains, sign-ins in flight. */
@Injectable()
export class SsoRepository {
  constructor(private readonly db: DataSource) {}

  async findConfig(organizationId: string): Promise<SsoConfigRow | null> {
    const rows: SsoConfigRow[] = await this.db.query(
      `SELECT c.*, coalesce(array_agg(d.domain ORDER BY d.domain) FILTER (WHERE d.domain IS NOT NULL), '{}') AS email_domains
         FROM org_sso_configs c LEFT JOIN org_sso_domains d ON d.organization_id = c.organization_id
        WHERE c.organization_id = $1 GROUP BY c.organization_id`,
      [organizationId],
    );
    return rows[0] ?? null;
  }

  /** The enabled configuration that an email domain routes to. */
  async findEnabledByDomain(domain: string): Promise<SsoConfigRow | null> {
    const rows: Array<{ organization_id: string }> = await this.db.query(
      `SELECT c.organization_id FROM org_sso_domains d JOIN org_sso_configs c ON c.organization_id = d.organization_id
        WHERE d.domain = $1 AND c.enabled`,
      [domain],
    );
    return rows[0] ? this.findConfig(rows[0].organization_id) : null;
  }

  /**
   * Saves the settings and replaces the domains in one transaction. Answers the domain another
   * organization already holds (nothing saved), or null. The domain's primary key decides, so two
   * organizations claiming one domain at once cannot both win.
   */
  async saveConfig(w: SsoConfigWrite): Promise<{ takenDomain: string } | null> {
    return this.db.transaction(async (tx) => {
      const taken: Array<{ domain: string }> = await tx.query(
        `SELECT domain FROM org_sso_domains WHERE domain = ANY($1::text[]) AND organization_id <> $2 ORDER BY domain LIMIT 1`,
        [w.emailDomains, w.organizationId],
      );
      if (taken[0]) return { takenDomain: taken[0].domain };
      await tx.query(
        `INSERT INTO org_sso_configs (organization_id, issuer, client_id, client_secret, sso_required_for_managers, enabled, updated_by, updated_at)
         VALUES ($1, $2, $3, coalesce($4, ''), $5, $6, $7, now())
         ON CONFLICT (organization_id) DO UPDATE SET issuer = $2, client_id = $3,
           client_secret = coalesce($4, org_sso_configs.client_secret), sso_required_for_managers = $5,
           enabled = $6, updated_by = $7, updated_at = now()`,
        [w.organizationId, w.issuer, w.clientId, w.clientSecret, w.ssoRequiredForManagers, w.enabled, w.updatedBy],
      );
      await tx.query(`DELETE FROM org_sso_domains WHERE organization_id = $1`, [w.organizationId]);
      try {
        await tx.query(`INSERT INTO org_sso_domains (domain, organization_id) SELECT unnest($1::text[]), $2`, [w.emailDomains, w.organizationId]);
      } catch (e) {
        if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
          throw Object.assign(new Error('domain taken concurrently'), { domainTaken: true });
        }
        throw e;
      }
      return null;
    });
  }

  async insertState(s: { stateHash: Buffer; organizationId: string; codeVerifier: string; nonce: string; expiresAt: Date }): Promise<void> {
    await this.db.query(`DELETE FROM sso_login_states WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO sso_login_states (state_hash, organization_id, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [s.stateHash, s.organizationId, s.codeVerifier, s.nonce, s.expiresAt],
    );
  }

  /** Takes an unexpired sign-in state once: the statement that finds it deletes it. */
  async consumeState(stateHash: Buffer): Promise<SsoStateRow | null> {
    const rows: SsoStateRow[] = await this.db.query(
      `WITH taken AS (DELETE FROM sso_login_states WHERE state_hash = $1 RETURNING organization_id, code_verifier, nonce, expires_at)
       SELECT organization_id, code_verifier, nonce FROM taken WHERE expires_at > now()`,
      [stateHash],
    );
    return rows[0] ?? null;
  }

  /** Whether the user owns or manages an organization whose enabled SSO is required for its managers. */
  async ssoRequiredFor(userId: string): Promise<boolean> {
    const rows: Array<{ required: boolean }> = await this.db.query(
      `SELECT EXISTS (
         SELECT 1 FROM memberships m JOIN org_sso_configs c ON c.organization_id = m.organization_id
          WHERE m.user_id = $1 AND m.role IN ('owner', 'manager') AND c.enabled AND c.sso_required_for_managers
       ) AS required`,
      [userId],
    );
    return rows[0]?.required ?? false;
  }
}
