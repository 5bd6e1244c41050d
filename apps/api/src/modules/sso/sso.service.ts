import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../accounts/user.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { isEmailDomain, type SaveSsoConfigDto, type SsoConfigDto, type SsoDomainDto } from './dto/sso.dto';
import { oidc, type IdTokenClaims, type OidcConfiguration } from './oidc-client';
import { challengeName, challengeValue, DnsTxtLookup, newDomainToken } from './sso-domain-proof';
import { SsoRepository, type SsoConfigRow, type SsoDomainRow } from './sso.repository';

/** A DNS name as the settings accept it (see SaveSsoConfigDto). */

/** How long a sign-in may take at the provider (state, PKCE verifier and nonce expire then). */
export const SSO_STATE_TTL_SECONDS = 10 * 60;
const DISCOVERY_CACHE_MS = 10 * 60_000;
const DISCOVERY_TIMEOUT_SECONDS = 10;
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';

/** Plain http is accepted only for a provider on this machine (development, tests). */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

function hashState(state: string): Buffer {
  return createHash('sha256').update(state).digest();
}

export interface SsoStart {
  authorizationUrl: string;
  state: string;
}

@Injectable()
export class SsoService implements OnModuleInit {
  private readonly logger = new Logger(SsoService.name);
  private readonly discovered = new Map<string, { key: string; at: number; config: OidcConfiguration }>();

  constructor(
    private readonly repo: SsoRepository,
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfigService,
    private readonly box: SecretBox,
    private readonly dns: DnsTxtLookup,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.accounts.addPasswordLoginCheck(async (user) => {
      if (await this.repo.ssoRequiredFor(user.id)) {
        throw new AppError(ErrorCode.SSO_REQUIRED, 'Your organization requires managers to sign in with single sign-on.');
      }
    });
  }

  /** Re-encrypts client secrets sealed under a previous SECRETS_KEY with the current one. */
  async resealSecrets(): Promise<number> {
    let moved = 0;
    for (const row of await this.repo.sealedSecrets()) {
      if (!this.box.sealedUnderPreviousKey(row.secret)) continue;
      await this.repo.replaceSealedSecret(row.id, row.secret, this.box.seal(this.box.open(row.secret)));
      moved++;
    }
    if (moved > 0) this.logger.log(`re-encrypted ${moved} SSO client secret(s) under the current SECRETS_KEY`);
    return moved;
  }

  get redirectUri(): string {
    return `${this.config.get('publicUrl')}${SSO_CALLBACK_PATH}`;
  }

  async getConfig(userId: string, organizationId: string): Promise<SsoConfigDto | null> {
    await this.organizations.requireMembership(userId, organizationId);
    const row = await this.repo.findConfig(organizationId);
    return row ? this.map(row, await this.repo.findDomains(organizationId)) : null;
  }

  /**
   * Saves the settings after reading the issuer's discovery document with them, so a typo in the
   * issuer shows now and not at a user's first sign-in. A secret is needed the first time.
   */
  async saveConfig(userId: string, organizationId: string, input: SaveSsoConfigDto): Promise<SsoConfigDto> {
    await this.organizations.requireMembership(userId, organizationId);
    const existing = await this.repo.findConfig(organizationId);
    const secret = input.clientSecret ?? (existing?.client_secret ? this.box.open(existing.client_secret) : undefined);
    if (!secret) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'A client secret is required.', [{ field: 'clientSecret', message: 'clientSecret is required the first time' }]);
    }
    // The issuer as the provider names it (its discovery document), so a stray trailing slash typed here does not matter.
    const issuer = (await this.discoverLenient(input.issuer, input.clientId, secret)).serverMetadata().issuer;
    const domains = [...new Set(input.emailDomains)].sort();
    let result: { takenDomain: string } | null;
    try {
      result = await this.repo.saveConfig({
        organizationId,
        issuer,
        clientId: input.clientId,
        clientSecret: input.clientSecret ? this.box.seal(input.clientSecret) : null,
        emailDomains: domains.map((domain) => ({ domain, token: newDomainToken() })),
        ssoRequiredForManagers: input.ssoRequiredForManagers,
        enabled: input.enabled,
        updatedBy: userId,
      });
    } catch (e) {
      if ((e as { domainTaken?: boolean }).domainTaken) result = { takenDomain: domains.join(', ') };
      else throw e;
    }
    if (result) {
      throw new AppError(ErrorCode.SSO_DOMAIN_TAKEN, `The domain ${result.takenDomain} already signs in to another organization.`, [
        { field: 'emailDomains', message: `${result.takenDomain} belongs to another organization` },
      ]);
    }
    this.discovered.delete(organizationId);
    const saved = await this.repo.findConfig(organizationId);
    if (!saved) throw new Error('the saved SSO settings were not found');
    return this.map(saved, await this.repo.findDomains(organizationId));
  }

  /**
   * Looks up the domain's challenge TXT record and, when it holds this organization's token,
   * marks the domain verified. A domain another organization has verified cannot be verified again.
   */
  async verifyDomain(userId: string, organizationId: string, rawDomain: string): Promise<SsoDomainDto> {
    await this.organizations.requireMembership(userId, organizationId);
    const row = await this.requireDomain(organizationId, rawDomain);
    if (row.verified_at) return mapDomain(row);
    await this.refuseIfTaken(organizationId, row.domain);
    const name = challengeName(row.domain);
    const expected = challengeValue(row.verification_token);
    const lookup = await this.dns.txt(name);
    if (!lookup.found) {
      throw new AppError(
        ErrorCode.SSO_DOMAIN_PROOF_MISSING,
        lookup.reason === 'no-record'
          ? `No TXT record was found at ${name} (${lookup.detail}). DNS changes can take a while to appear; try again later.`
          : `The DNS lookup of ${name} failed (${lookup.detail}); try again later.`,
      );
    }
    if (!lookup.records.includes(expected)) {
      throw new AppError(
        ErrorCode.SSO_DOMAIN_PROOF_MISSING,
        `The TXT records at ${name} (${lookup.records.length}) do not include this organization's value ${expected}.`,
      );
    }
    if (!(await this.repo.markVerified(undefined, { organizationId, domain: row.domain, method: 'dns', by: userId }))) throw this.taken(row.domain);
    this.logger.log(`SSO domain ${row.domain} verified by DNS for organization ${organizationId}`);
    return this.reread(organizationId, row.domain);
  }

  /** A site admin vouches for the organization's domain by hand (recorded in the organization's audit trail). */
  async adminVerifyDomain(adminId: string, organizationId: string, rawDomain: string): Promise<SsoDomainDto> {
    const row = await this.requireDomain(organizationId, rawDomain);
    if (row.verified_at) return mapDomain(row);
    await this.refuseIfTaken(organizationId, row.domain);
    await this.repo.transaction(async (tx) => {
      if (!(await this.repo.markVerified(tx, { organizationId, domain: row.domain, method: 'admin', by: adminId }))) throw this.taken(row.domain);
      await this.audit.record(tx, {
        orgId: organizationId,
        actorId: adminId,
        entity: 'organization',
        entityId: organizationId,
        action: 'sso-domain-verified-by-admin',
        detail: { domain: row.domain },
      });
    });
    this.logger.warn(`SSO domain ${row.domain} of organization ${organizationId} marked verified by site admin ${adminId}`);
    return this.reread(organizationId, row.domain);
  }

  private async reread(organizationId: string, domain: string): Promise<SsoDomainDto> {
    const row = await this.repo.findDomain(organizationId, domain);
    if (!row) throw new AppError(ErrorCode.SSO_DOMAIN_NOT_FOUND, `The organization no longer lists the domain ${domain}.`);
    return mapDomain(row);
  }

  private async requireDomain(organizationId: string, rawDomain: string): Promise<SsoDomainRow> {
    const domain = rawDomain.trim().toLowerCase();
    const row = isEmailDomain(domain) ? await this.repo.findDomain(organizationId, domain) : null;
    if (!row) throw new AppError(ErrorCode.SSO_DOMAIN_NOT_FOUND, `The organization does not list the domain ${rawDomain.slice(0, 253)} for single sign-on.`);
    return row;
  }

  private async refuseIfTaken(organizationId: string, domain: string): Promise<void> {
    if (await this.repo.verifiedElsewhere(organizationId, domain)) throw this.taken(domain);
  }

  private taken(domain: string): AppError {
    return new AppError(ErrorCode.SSO_DOMAIN_TAKEN, `The domain ${domain} already signs in to another organization.`);
  }

  /** Begins a sign-in: the organization by the email's domain, then PKCE (S256), state and nonce kept here. */
  async start(email: string): Promise<SsoStart> {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    const row = await this.repo.findEnabledByDomain(domain);
    if (!row) {
      if (await this.repo.listedUnverified(domain)) {
        throw new AppError(ErrorCode.SSO_DOMAIN_UNVERIFIED, 'Single sign-on for this email domain waits for the organization to prove it owns the domain.');
      }
      throw new AppError(ErrorCode.SSO_NOT_CONFIGURED, 'Single sign-on is not set up for this email domain.');
    }
    const config = await this.configurationFor(row);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.repo.insertState({
      stateHash: hashState(state),
      organizationId: row.organization_id,
      codeVerifier,
      nonce,
      expiresAt: new Date(Date.now() + SSO_STATE_TTL_SECONDS * 1000),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: email,
    });
    return { authorizationUrl: url.href, state };
  }

  /**
   * Finishes a sign-in: the state must be this browser's (the cookie) and unused; the code is
   * exchanged with the PKCE verifier; the ID token's issuer, audience, expiry and nonce are
   * checked by openid-client; the email must be verified and in one of the organization's
   * verified domains (proven by DNS or by a site admin). Answers the user, created just in time as
   * a member, or an existing account with that email that already belongs to the organization.
   * Even with a proven domain, single sign-on never takes over an account the organization does
   * not hold (someone else's account, or a site admin's): the account may predate the
   * organization's ownership of the domain, and a provider is one more party to trust.
   */
  async finish(search: string, cookieState: string | undefined): Promise<UserEntity> {
    const params = new URLSearchParams(search);
    const state = params.get('state');
    if (!state || !cookieState || state !== cookieState) {
      throw new AppError(ErrorCode.SSO_STATE_INVALID, 'This sign-in link is not from this browser or has expired; start again.');
    }
    const pending = await this.repo.consumeState(hashState(state));
    if (!pending) throw new AppError(ErrorCode.SSO_STATE_INVALID, 'This sign-in link was already used or has expired; start again.');
    const row = await this.repo.findConfig(pending.organization_id);
    if (!row || !row.enabled) throw new AppError(ErrorCode.SSO_NOT_CONFIGURED, 'Single sign-on is no longer enabled for this organization.');
    const config = await this.configurationFor(row);

    let claims: IdTokenClaims | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(`${this.redirectUri}?${params.toString()}`),
        { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true },
      );
      claims = tokens.claims();
    } catch (e) {
      throw this.flowError(e);
    }
    if (!claims) throw new AppError(ErrorCode.SSO_TOKEN_INVALID, 'The identity provider sent no ID token.');

    const email = typeof claims['email'] === 'string' ? claims['email'].trim() : '';
    if (!email || claims['email_verified'] !== true) {
      throw new AppError(ErrorCode.SSO_EMAIL_UNVERIFIED, 'The identity provider did not confirm a verified email address.');
    }
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    if (row.email_domains.includes(domain) && !row.verified_domains.includes(domain)) {
      throw new AppError(ErrorCode.SSO_DOMAIN_UNVERIFIED, `The organization has not proven that it owns ${domain}.`);
    }
    if (!row.verified_domains.includes(domain)) {
      throw new AppError(ErrorCode.SSO_DOMAIN_MISMATCH, `The account ${email} is not in a domain of this organization.`);
    }
    const user = await this.findOrCreateUser(row.organization_id, email, claims);
    await this.organizations.joinAsMember(row.organization_id, user.id);
    return user;
  }

  private async findOrCreateUser(organizationId: string, email: string, claims: IdTokenClaims): Promise<UserEntity> {
    const existing = await this.accounts.findByEmail(email);
    if (existing) return this.linkable(organizationId, existing);
    try {
      return await this.accounts.registerExternal({ email, displayName: displayNameOf(email, claims) });
    } catch (e) {
      // Two sign-ins of one new user at once: the other created the account.
      if (e instanceof AppError && e.code === ErrorCode.EMAIL_TAKEN) {
        const now = await this.accounts.findByEmail(email);
        if (now) return this.linkable(organizationId, now);
      }
      throw e;
    }
  }

  private async linkable(organizationId: string, user: UserEntity): Promise<UserEntity> {
    if (user.role !== 'admin' && (await this.organizations.belongsTo(organizationId, user.id))) return user;
    throw new AppError(
      ErrorCode.SSO_ACCOUNT_NOT_LINKABLE,
      'An account with this email already exists outside this organization: sign in with its password (an organization invitation adds it to the organization).',
    );
  }

  private flowError(e: unknown): AppError {
    if (e instanceof AppError) return e;
    const err = e as { name?: string; code?: string; error?: string; message?: string };
    this.logger.warn(`SSO sign-in refused: ${err.name ?? 'Error'} ${err.code ?? ''} ${err.error ?? ''} ${err.message ?? ''}`);
    if (err.name === 'AuthorizationResponseError' || err.name === 'ResponseBodyError' || err.code === 'OAUTH_RESPONSE_BODY_ERROR') {
      const reason = err.error ? ` (${err.error})` : '';
      return new AppError(ErrorCode.SSO_PROVIDER_ERROR, `The identity provider refused the sign-in${reason}; start again.`);
    }
    if (err.name === 'TypeError' || err.code === 'ERR_INVALID_ARG_TYPE' || err.name === 'AbortError' || err.name === 'TimeoutError') {
      return new AppError(ErrorCode.SSO_PROVIDER_ERROR, 'The identity provider could not be reached; try again.');
    }
    return new AppError(ErrorCode.SSO_TOKEN_INVALID, 'The identity provider\'s answer did not pass the checks (issuer, audience, nonce, expiry).');
  }

  private async configurationFor(row: SsoConfigRow): Promise<OidcConfiguration> {
    const key = `${row.issuer}\n${row.client_id}\n${row.updated_at.toISOString()}`;
    const cached = this.discovered.get(row.organization_id);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_CACHE_MS) return cached.config;
    const config = await this.discover(row.issuer, row.client_id, this.box.open(row.client_secret));
    this.discovered.set(row.organization_id, { key, at: Date.now(), config });
    return config;
  }

  /** Discovery of the issuer as typed, else without a trailing slash the provider does not use. */
  private async discoverLenient(issuer: string, clientId: string, clientSecret: string): Promise<OidcConfiguration> {
    try {
      return await this.discover(issuer, clientId, clientSecret);
    } catch (e) {
      if (!issuer.endsWith('/') || new URL(issuer).pathname === '/') throw e;
      return this.discover(issuer.replace(/\/+$/, ''), clientId, clientSecret);
    }
  }

  private async discover(issuer: string, clientId: string, clientSecret: string): Promise<OidcConfiguration> {
    const url = new URL(issuer);
    try {
      return await oidc.discovery(url, clientId, clientSecret, undefined, {
        timeout: DISCOVERY_TIMEOUT_SECONDS,
        ...(url.protocol === 'http:' && isLoopback(url) ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
    } catch (e) {
      this.logger.warn(`OIDC discovery of ${issuer} failed: ${(e as Error).message}`);
      throw new AppError(ErrorCode.SSO_DISCOVERY_FAILED, `Could not read the OpenID configuration of ${issuer}.`, [
        { field: 'issuer', message: 'no OpenID provider answers at this issuer (https, or http on localhost only)' },
      ]);
    }
  }

  private map(row: SsoConfigRow, domains: SsoDomainRow[]): SsoConfigDto {
    return {
      domains: domains.map(mapDomain),
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecretSet: row.client_secret.length > 0,
      emailDomains: row.email_domains,
      ssoRequiredForManagers: row.sso_required_for_managers,
      enabled: row.enabled,
      redirectUri: this.redirectUri,
    };
  }
}

function mapDomain(row: SsoDomainRow): SsoDomainDto {
  return {
    domain: row.domain,
    status: row.verified_at ? 'verified' : 'pending',
    verifiedAt: row.verified_at ? row.verified_at.toISOString() : null,
    verificationMethod: row.verification_method,
    recordName: challengeName(row.domain),
    recordValue: challengeValue(row.verification_token),
  };
}

/** The provider's name claim without control or formatting characters, else the email's local part. */
function displayNameOf(email: string, claims: IdTokenClaims): string {
  const raw = typeof claims['name'] === 'string' ? claims['name'] : '';
  const clean = raw.replace(/[\p{C}]/gu, '').trim().slice(0, 80);
  return clean || email.slice(0, email.lastIndexOf('@')).slice(0, 80) || 'User';
}
