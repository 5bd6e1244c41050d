import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not be sent unless an admin allows private targets: the machine itself, the
 * private networks behind it and the cloud metadata service (SSRF). Checked on the resolved
 * addresses, at registration and again right before every request, which then goes to the
 * address that was checked (a DNS answer that changes between check and connect does not count).
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, and the deprecated IPv4-compatible ::a.b.c.d
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, compatible ::a.b.c.d), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return undefined;
}

/** True when the address is loopback, private, link-local, CGNAT, ULA, multicast, unspecified or otherwise not a public unicast address. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4 !== undefined) return internal.check(v4, 'ipv4');
    return internal.check(address, 'ipv6');
  }
  return true;
}

export type TargetProblem = 'invalid-url' | 'unresolvable' | 'internal-address';

export interface ResolvedTarget {
  url: URL;
  /** The host name as written, without IPv6 brackets. */
  host: string;
  /** The address the request must connect to (checked). */
  address: string;
  family: 4 | 6;
}

export class WebhookTargetError extends Error {
  constructor(
    readonly problem: TargetProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a webhook URL: http or https, a host, no credentials, no fragment. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('invalid-url', 'The URL is not a valid absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookTargetError('invalid-url', 'The URL must start with http:// or https://.');
  if (url.username || url.password) throw new WebhookTargetError('invalid-url', 'The URL must not contain a user name or password.');
  if (!url.hostname) throw new WebhookTargetError('invalid-url', 'The URL has no host.');
  if (url.hash) throw new WebhookTargetError('invalid-url', 'The URL must not contain a fragment (#...).');
  return url;
}

/**
 * Resolves the URL's host and checks every address it resolves to (one internal address is
 * enough to refuse: a resolver may hand out any of them). Answers the first address, which is
 * the one to connect to.
 */
export async function resolveWebhookTarget(raw: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const url = parseWebhookUrl(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new WebhookTargetError('unresolvable', `The host ${host} does not resolve.`);
    }
  }
  const first = addresses[0];
  if (!first) throw new WebhookTargetError('unresolvable', `The host ${host} does not resolve.`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => isInternalAddress(a.address));
    if (bad) {
      throw new WebhookTargetError(
        'internal-address',
        `The host ${host} resolves to ${bad.address}, a loopback, private or otherwise internal address; webhooks may only target public addresses.`,
      );
    }
  }
  return { url, host, address: first.address, family: first.family === 6 ? 6 : 4 };
}
