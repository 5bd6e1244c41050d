import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface SsoConfigRow {
  organization_id: string;
  issuer: string;
  client_id: string;
  /** Sealed (SecretBox), or '' before one is set. */
  client_secret: string;
  sso_required_for_managers: boolean;
  enabled: boolean;
  updated_at: Date;
  /** Every listed domain, pending or verified. */
  email_domains: string[];
  /** The listed domains that are proven (these route sign-ins). */
  verified_domains: string[];
}

export interface SsoDomainRow {
  organization_id: string;
  domain: string;
  verification_token: string;
  verified_at: Date | null;
  verification_method: 'dns' | 'admin' | null;
}

export interface SsoConfigWrite {
  organizationId: string;
  issuer: string;
  clientId: string;
  /** Sealed; null keeps the stored secret. */
  clientSecret: string | null;
  /** Each listed domain with the challenge token it gets if it is new to this organization. */
  emailDomains: Array<{ domain: string; token: string }>;
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
      `SELECT c.*, coalesce(array_agg(d.domain ORDER BY d.domain) FILTER (WHERE d.domain IS NOT NULL), '{}') AS email_domains,
              coalesce(array_agg(d.domain ORDER BY d.domain) FILTER (WHERE d.verified_at IS NOT NULL), '{}') AS verified_domains
         FROM org_sso_configs c LEFT JOIN org_sso_domains d ON d.organization_id = c.organization_id
        WHERE c.organization_id = $1 GROUP BY c.organization_id`,
      [organizationId],
    );
    return rows[0] ?? null;
  }

  /** The enabled configuration that an email domain routes to: only a verified domain routes. */
  async findEnabledByDomain(domain: string): Promise<SsoConfigRow | null> {
    const rows: Array<{ organization_id: string }> = await this.db.query(
      `SELECT c.organization_id FROM org_sso_domains d JOIN org_sso_configs c ON c.organization_id = d.organization_id
        WHERE d.domain = $1 AND d.verified_at IS NOT NULL AND c.enabled`,
      [domain],
    );
    return rows[0] ? this.findConfig(rows[0].organization_id) : null;
  }

  /** Whether some enabled configuration lists the domain without having proven it. */
  async listedUnverified(domain: string): Promise<boolean> {
    const rows: Array<{ listed: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM org_sso_domains d JOIN org_sso_configs c ON c.organization_id = d.organization_id
        WHERE d.domain = $1 AND d.verified_at IS NULL AND c.enabled) AS listed`,
      [domain],
    );
    return rows[0]?.listed ?? false;
  }

  async findDomains(organizationId: string): Promise<SsoDomainRow[]> {
    return this.db.query(
      `SELECT organization_id, domain, verification_token, verified_at, verification_method FROM org_sso_domains WHERE organization_id = $1 ORDER BY domain`,
      [organizationId],
    );
  }

  async findDomain(organizationId: string, domain: string): Promise<SsoDomainRow | null> {
    const rows: SsoDomainRow[] = await this.db.query(
      `SELECT organization_id, domain, verification_token, verified_at, verification_method FROM org_sso_domains WHERE organization_id = $1 AND domain = $2`,
      [organizationId, domain],
    );
    return rows[0] ?? null;
  }

  /** Whether another organization holds the domain verified. */
  async verifiedElsewhere(organizationId: string, domain: string): Promise<boolean> {
    const rows: Array<{ taken: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM org_sso_domains WHERE domain = $1 AND organization_id <> $2 AND verified_at IS NOT NULL) AS taken`,
      [domain, organizationId],
    );
    return rows[0]?.taken ?? false;
  }

  /**
   * Marks the domain verified now. Answers false when another organization verified it first (the
   * unique index on verified domains decides, so two organizations cannot both win).
   */
  async markVerified(manager: EntityManager | undefined, v: { organizationId: string; domain: string; method: 'dns' | 'admin'; by: string }): Promise<boolean> {
    try {
      await (manager ?? this.db).query(
        `UPDATE org_sso_domains SET verified_at = now(), verification_method = $3, verified_by = $4 WHERE organization_id = $1 AND domain = $2 AND verified_at IS NULL`,
        [v.organizationId, v.domain, v.method, v.by],
      );
      return true;
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) return false;
      throw e;
    }
  }

  async sealedSecrets(): Promise<Array<{ id: string; secret: string }>> {
    return this.db.query(`SELECT organization_id AS id, client_secret AS secret FROM org_sso_configs WHERE client_secret <> ''`);
  }

  /** Replaces a sealed secret only if it is still the one read (a concurrent save wins). */
  async replaceSealedSecret(organizationId: string, from: string, to: string): Promise<void> {
    await this.db.query(`UPDATE org_sso_configs SET client_secret = $3 WHERE organization_id = $1 AND client_secret = $2`, [organizationId, from, to]);
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Saves the settings and the domain list in one transaction: domains no longer listed go, new
   * ones arrive pending with their token, kept ones keep their token and verification. Answers a
   * domain another organization holds verified (nothing saved), or null; a pending claim elsewhere
   * does not block (only one organization can ever verify it).
   */
  async saveConfig(w: SsoConfigWrite): Promise<{ takenDomain: string } | null> {
    const domains = w.emailDomains.map((d) => d.domain);
    return this.db.transaction(async (tx) => {
      const taken: Array<{ domain: string }> = await tx.query(
        `SELECT domain FROM org_sso_domains WHERE domain = ANY($1::text[]) AND organization_id <> $2 AND verified_at IS NOT NULL ORDER BY domain LIMIT 1`,
        [domains, w.organizationId],
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
      await tx.query(`DELETE FROM org_sso_domains WHERE organization_id = $1 AND NOT (domain = ANY($2::text[]))`, [w.organizationId, domains]);
      await tx.query(
        `INSERT INTO org_sso_domains (domain, organization_id, verification_token)
         SELECT d, $2, t FROM unnest($1::text[], $3::text[]) AS x(d, t)
         ON CONFLICT (organization_id, domain) DO NOTHING`,
        [domains, w.organizationId, w.emailDomains.map((d) => d.token)],
      );
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
