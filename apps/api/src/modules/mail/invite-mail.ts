/** The invite message in each language: subject, plain text and simple HTML. Pure, no I/O. */

export type MailLocale = 'en' | 'zh-CN';

export interface InviteMailContent {
  name: string;
  link: string;
  setTitle: string;
  expiresAt: Date;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

/** One line: a CR or LF in a name or title must not start a new header or paragraph. */
export const oneLine = (text: string): string => text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();

/** "2026-12-01 17:00 UTC": the same in every language and independent of the server's ICU data. */
export function formatUtc(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

interface Wording {
  subject: (title: string) => string;
  greeting: (name: string) => string;
  invited: (title: string) => string;
  open: string;
  button: string;
  personal: (expires: string) => string;
  ignore: string;
}

const WORDING: Record<MailLocale, Wording> = {
  en: {
    subject: (title) => `Invitation: ${title}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    invited: (title) => `You have been invited to take the assessment "${title}".`,
    open: 'Open this link to read the instructions; the timer only starts when you press Start:',
    button: 'Open the assessment',
    personal: (expires) => `This link is personal, please do not share it. It expires on ${expires}.`,
    ignore: 'If you were not expecting this message, you can ignore it.',
  },
  'zh-CN': {
    subject: (title) => `测评邀请：${title}`,
    greeting: (name) => (name ? `${name}，您好：` : '您好：'),
    invited: (title) => `诚邀您参加测评“${title}”。`,
    open: '请打开以下链接阅读说明；点击“开始”后才会开始计时：',
    button: '打开测评',
    personal: (expires) => `此链接仅供您本人使用，请勿转发。链接将于 ${expires} 失效。`,
    ignore: '如果您并未预期收到此邮件，请忽略。',
  },
};

export function renderInviteMail(content: InviteMailContent, locale: MailLocale): RenderedMail {
  const w = WORDING[locale];
  const name = oneLine(content.name);
  const title = oneLine(content.setTitle);
  const expires = formatUtc(content.expiresAt);
  const text = [w.greeting(name), '', w.invited(title), '', w.open, content.link, '', w.personal(expires), '', w.ignore, ''].join('\n');
  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${e(w.greeting(name))}</p>`,
    `<p>${e(w.invited(title))}</p>`,
    `<p>${e(w.open)}</p>`,
    `<p><a href="${e(content.link)}">${e(w.button)}</a><br><span style="font-size: 12px; color: #555">${e(content.link)}</span></p>`,
    `<p>${e(w.personal(expires))}</p>`,
    `<p style="color: #555">${e(w.ignore)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject: w.subject(title), text, html };
}
