import { createHmac, randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './webhook-target';

export const SECRET_PREFIX = 'whsec_';
/** Bytes of a receiver's response body kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 1024;

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (the Standard Webhooks form). */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The Standard Webhooks signature: HMAC-SHA256 keyed with the secret's bytes over `id.timestamp.body`. */
export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`;
}

export interface SendOutcome {
  /** HTTP status, when the receiver answered. */
  status: number | null;
  /** The first KB of the response body. */
  responseBody: string | null;
  durationMs: number;
  /** Why there was no answer (timeout, refused, reset), or null. */
  error: string | null;
}

/**
 * One signed POST to the checked address of the target. Redirects are not followed (a 3xx is
 * an answer like any other non-2xx), at most the first KB of the body is read, and the whole
 * exchange is cut off after `timeoutMs`.
 */
export function sendWebhook(
  target: ResolvedTarget,
  delivery: { messageId: string; body: string; secret: string },
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<SendOutcome> {
  const started = now();
  const timestamp = Math.floor(started / 1000);
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: Math.max(0, now() - started) });
    };
    const req = client.request(target.url, {
      method: 'POST',
      agent: false,
      lookup: pinned,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'goprep-webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(delivery.secret, delivery.messageId, timestamp, delivery.body),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: null, responseBody: null, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ status: null, responseBody: null, error: e.code ? `${e.code}: ${e.message}` : e.message }));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const kept = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT);
        // Postgres text holds no NUL; a receiver's bytes must not keep its answer out of the log.
        const text = kept.toString('utf8').replace(/\uFFFD+$/, '').replaceAll('\u0000', '');
        finish({ status: res.statusCode ?? null, responseBody: text, error: null });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_LIMIT) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(delivery.body);
  });
}
