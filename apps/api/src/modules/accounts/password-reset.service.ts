import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AppConfigService } from '../../config/app-config.service';
import { MailService } from '../mail/mail.service';
import { AccountsRepository } from './accounts.repository';
import { AccountsService, hashToken } from './accounts.service';
import { hashPassword } from './password-hasher';
import { RateLimiterService } from './rate-limiter.service';

/** The page that reads the token from the fragment (never sent to a server, never in logs). */
export const RESET_PAGE = '/reset-password';
export const RESET_TTL_MINUTES = 60;
/** Reset requests: per client address, and mails per account (a mailbox is not flooded). */
export const FORGOT_PER_IP = 10;
export const FORGOT_MAILS_PER_ACCOUNT = 3;
export const FORGOT_WINDOW_SECONDS = 60 * 60;
/** Unknown or used tokens per client address, as for invite links. */
export const RESET_FAILURES_PER_IP = 20;
export const RESET_WINDOW_SECONDS = 15 * 60;

/**
 * Password reset by a one-time token, stored and checked like invite tokens: only its SHA-256 is
 * kept, it is used once, it expires, and guessing is rate limited. Tokens come from a mail (when
 * SMTP is configured) or from an administrator (`npm run admin -- reset-password`). Using one sets
 * the password, voids the user's other tokens and revokes every session of the user.
 * The statements are AccountsRepository's (issueReset, consumeReset, voidResetsAndSessions).
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly repo: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly limiter: RateLimiterService,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
  ) {}

  get byMail(): boolean {
    return this.mail.enabled;
  }

  /**
   * Mails a reset link when the account exists and mail is configured. The answer never says
   * whether the account exists; only the per-address limit is reported (429).
   */
  async requestByMail(email: string, ip: string, locale: 'en' | 'zh-CN'): Promise<void> {
    const ipState = await this.limiter.hit(`forgot:ip:${ip}`, FORGOT_WINDOW_SECONDS);
    if (ipState.count > FORGOT_PER_IP) throw rateLimited(ipState.retryAfter, 'Too many reset requests from this address; try again later.');
    if (!this.mail.enabled) return;
    const user = await this.accounts.findByEmail(email);
    if (!user) return;
    // Over the per-account limit the request is dropped silently: answering 429 would tell who has an account.
    const accountState = await this.limiter.hit(`forgot:account:${user.id}`, FORGOT_WINDOW_SECONDS);
    if (accountState.count > FORGOT_MAILS_PER_ACCOUNT) return;
    const { link, expiresAt } = await this.issue(user.id, 'mail');
    try {
      await this.mail.sendPasswordReset({ to: user.email, name: user.displayName, link, expiresAt, locale });
    } catch (error: unknown) {
      // Never log the link: it carries the token.
      this.logger.warn({ userId: user.id, err: error instanceof Error ? error.message : String(error) }, 'password reset mail failed');
    }
  }

  /** A new one-time link for the user; the user's earlier unused links stop working. */
  async issue(userId: string, createdBy: 'mail' | 'admin'): Promise<{ link: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_TTL_MINUTES * 60_000);
    await this.repo.issueReset(userId, hashToken(token), createdBy, expiresAt);
    return { link: `${this.config.get('publicUrl')}${RESET_PAGE}#${token}`, expiresAt };
  }

  /** Sets the password with a token; 410 for an unknown, used or expired token. */
  async reset(token: string, newPassword: string, ip: string): Promise<void> {
    const key = `reset-token:ip:${ip}`;
    const state = await this.limiter.peek(key, RESET_WINDOW_SECONDS);
    if (state.count >= RESET_FAILURES_PER_IP) throw rateLimited(state.retryAfter, 'Too many invalid reset links from this address; try again later.');
    const passwordHash = await hashPassword(newPassword);
    const done = await this.repo.consumeReset(hashToken(token), passwordHash);
    if (!done) {
      await this.limiter.hit(key, RESET_WINDOW_SECONDS);
      throw new AppError(ErrorCode.PASSWORD_RESET_INVALID, 'This reset link is not valid any more (used, expired or replaced by a newer one). Ask for a new one.');
    }
  }

  /** For the admin CLI: set a password directly; every session of the user is revoked. */
  async setByAdmin(userId: string, newPassword: string): Promise<void> {
    await this.accounts.setPassword(userId, newPassword);
    await this.repo.voidResetsAndSessions(userId);
  }
}

function rateLimited(retryAfter: number, message: string): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, message, undefined, { 'Retry-After': String(retryAfter) });
}
