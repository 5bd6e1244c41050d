import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppConfigService } from '../../config/app-config.service';
import { oneLine, renderInviteMail, type MailLocale, type RenderedMail } from './invite-mail';
import { renderPasswordResetMail } from './password-reset-mail';

export interface SendInviteInput {
  to: string;
  /** Candidate's name; may be empty. */
  name: string;
  /** The candidate link (http or https), token included. */
  link: string;
  setTitle: string;
  expiresAt: Date;
  locale: MailLocale;
}

export interface SendPasswordResetInput {
  to: string;
  name: string;
  /** The reset page link (http or https), token included. */
  link: string;
  expiresAt: Date;
  locale: MailLocale;
}

export interface SendResult {
  /** false when SMTP is not configured (nothing was attempted). */
  sent: boolean;
  messageId?: string;
}

/** A mail server that does not answer must not hold an API request for minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Sends invite mails when SMTP is configured (SMTP_URL, or SMTP_HOST + port/user/pass); without
 * it every send is a no-op that says so, because goprep must work with no mail server at all
 * (managers copy the links). Sending errors are thrown to the caller, which decides what to tell
 * the manager; the link (it holds the token) is never logged here.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo> | null;
  private readonly from: string | null;

  constructor(config: AppConfigService) {
    this.from = config.get('SMTP_FROM') ?? null;
    const url = config.get('SMTP_URL');
    const host = config.get('SMTP_HOST');
    if (url) {
      this.transporter = createTransport({ url, ...TIMEOUTS });
    } else if (host) {
      const secure = config.get('SMTP_SECURE') ?? config.get('SMTP_PORT') === 465;
      const user = config.get('SMTP_USER');
      const pass = config.get('SMTP_PASS');
      this.transporter = createTransport({
        host,
        port: config.get('SMTP_PORT') ?? (secure ? 465 : 587),
        secure,
        ...(user && pass ? { auth: { user, pass } } : {}),
        ...TIMEOUTS,
      });
    } else {
      this.transporter = null;
    }
  }

  /** Whether mail is sent at all (invites, password resets). */
  get enabled(): boolean {
    return this.transporter !== null && this.from !== null;
  }

  async sendInvite(input: SendInviteInput): Promise<SendResult> {
    return this.send(input.to, input.name, input.link, renderInviteMail(input, input.locale), 'invite');
  }

  async sendPasswordReset(input: SendPasswordResetInput): Promise<SendResult> {
    return this.send(input.to, input.name, input.link, renderPasswordResetMail(input, input.locale), 'password reset');
  }

  private async send(to: string, rawName: string, link: string, message: RenderedMail, kind: string): Promise<SendResult> {
    if (!this.transporter || !this.from) return { sent: false };
    if (!/^https?:\/\//i.test(link)) throw new Error(`${kind} link must be an http(s) URL`);
    const name = oneLine(rawName);
    const info = await this.transporter.sendMail({
      from: this.from,
      to: name ? { name, address: to } : to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // Tells mail servers and auto-responders this is machine-sent (RFC 3834): no vacation replies.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    this.logger.log(`${kind} mail accepted by the SMTP server (${info.messageId})`);
    return { sent: true, messageId: info.messageId };
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
