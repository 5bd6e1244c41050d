/** The password reset message in each language: subject, plain text and simple HTML. Pure, no I/O. */
import { escapeHtml, formatUtc, oneLine, type MailLocale, type RenderedMail } from './invite-mail';

export interface PasswordResetMailContent {
  name: string;
  link: string;
  expiresAt: Date;
}

interface Wording {
  subject: string;
  greeting: (name: string) => string;
  asked: string;
  button: string;
  expires: (at: string) => string;
  ignore: string;
}

const WORDING: Record<MailLocale, Wording> = {
  en: {
    subject: 'Reset your goprep password',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    asked: 'Someone (hopefully you) asked to reset the password of your goprep account. Open this link to choose a new one:',
    button: 'Choose a new password',
    expires: (at) => `The link works once and expires on ${at}. Choosing a new password logs out every session of the account.`,
    ignore: 'If you did not ask for this, ignore this message: your password stays as it is.',
  },
  'zh-CN': {
    subject: '重置您的 goprep 密码',
    greeting: (name) => (name ? `${name}，您好：` : '您好：'),
    asked: '有人（希望是您本人）请求重置您的 goprep 账户密码。请打开以下链接设置新密码：',
    button: '设置新密码',
    expires: (at) => `此链接只能使用一次，将于 ${at} 失效。设置新密码后，该账户的所有会话都会退出登录。`,
    ignore: '如果这不是您本人的请求，请忽略此邮件，您的密码不会改变。',
  },
};

export function renderPasswordResetMail(content: PasswordResetMailContent, locale: MailLocale): RenderedMail {
  const w = WORDING[locale];
  const name = oneLine(content.name);
  const expires = formatUtc(content.expiresAt);
  const text = [w.greeting(name), '', w.asked, content.link, '', w.expires(expires), '', w.ignore, ''].join('\n');
  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${e(w.greeting(name))}</p>`,
    `<p>${e(w.asked)}</p>`,
    `<p><a href="${e(content.link)}">${e(w.button)}</a><br><span style="font-size: 12px; color: #555">${e(content.link)}</span></p>`,
    `<p>${e(w.expires(expires))}</p>`,
    `<p style="color: #555">${e(w.ignore)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject: w.subject, text, html };
}
