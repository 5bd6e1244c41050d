import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';

/**
 * Proof that an organization controls an email domain: a TXT record at
 * `_goprep-challenge.<domain>` holding `goprep-verification=<token>`, where the token is random
 * per organization and domain. The token is stored as is: it is published in DNS anyway, and
 * knowing it is worthless without the power to publish it under the domain.
 */
export const CHALLENGE_LABEL = '_goprep-challenge';

export function challengeName(domain: string): string {
  return `${CHALLENGE_LABEL}.${domain}`;
}

export function challengeValue(token: string): string {
  return `goprep-verification=${token}`;
}

/** 24 random bytes, base64url (32 characters). */
export function newDomainToken(): string {
  return randomBytes(24).toString('base64url');
}

export type TxtLookup = { found: true; records: string[] } | { found: false; reason: 'no-record' | 'dns-error'; detail: string };

/** Codes with which c-ares says the name or the record does not exist (as opposed to a failure to ask). */
const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

@Injectable()
export class DnsTxtLookup {
  constructor(private readonly config: AppConfigService) {}

  /** The TXT records at the name, each with its character-strings joined (as RFC 7208 reads them). */
  async txt(name: string): Promise<TxtLookup> {
    // A resolver per lookup: one stuck query never holds up the next verification.
    const resolver = new Resolver({ timeout: 3000, tries: 2 });
    const servers = this.config.get('SSO_DNS_SERVERS');
    if (servers) resolver.setServers(servers.split(',').map((s) => s.trim()).filter(Boolean));
    try {
      const records = await resolver.resolveTxt(name);
      return { found: true, records: records.map((chunks) => chunks.join('')) };
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'ERROR';
      if (ABSENT.has(code)) return { found: false, reason: 'no-record', detail: code };
      return { found: false, reason: 'dns-error', detail: code };
    } finally {
      resolver.cancel();
    }
  }
}
