import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { AppConfigService } from '../../config/app-config.service';
import { ConfigError, loadConfig } from '../../config/env';
import { MailService, type SendInviteInput } from './mail.service';

/*
 * A real SMTP server (the smtp-server package) on a loopback port receives what MailService sends;
 * the raw message is decoded here (RFC 5322 headers, RFC 2047 words, MIME parts, quoted-printable
 * and base64) so the assertions are about what a mail client would show.
 */

interface Received {
  from: string;
  to: string[];
  user: string | null;
  raw: string;
}

interface SmtpFixture {
  port: number;
  received: Received[];
  close: () => Promise<void>;
}

async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<SmtpFixture> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // No certificate here: without STARTTLS the client talks plain SMTP on loopback.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const configured = (env: Record<string, string>): MailService => new MailService(new AppConfigService(loadConfig(env)));

// --- a small MIME reader for the assertions ---

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const body = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(body[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047: =?UTF-8?B?...?= and =?UTF-8?Q?...?=, adjacent words joined. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The decoded body with CRLF line ends turned into \n, as a mail client shows it. */
function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(part.body)
        : part.body;
  return decoded.replace(/\r\n/g, '\n');
}

interface Message {
  header: (name: string) => string | undefined;
  text: string;
  html: string;
}

function readMessage(raw: string): Message {
  const top = parsePart(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('expected a multipart message');
  const parts = top.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => parsePart(chunk.replace(/^\r\n/, '')));
  const byType = (type: string): string => {
    const part = parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type));
    if (!part) throw new Error(`no ${type} part`);
    return decodeBody(part);
  };
  return {
    header: (name) => {
      const value = top.headers.get(name.toLowerCase());
      return value === undefined ? undefined : decodeWords(value);
    },
    text: byType('text/plain'),
    html: byType('text/html'),
  };
}

// --- the tests ---

// The service logs each accepted message id; keep the test output readable.
beforeAll(() => Logger.overrideLogger(false));

const invite = (over: Partial<SendInviteInput> = {}): SendInviteInput => ({
  to: 'ada@example.com',
  name: 'Ada Lovelace',
  link: 'https://goprep.example/take#tok_abc123',
  setTitle: 'Senior backend',
  expiresAt: new Date('2026-12-01T17:05:00Z'),
  locale: 'en',
  ...over,
});

describe('MailService without SMTP settings', () => {
  it('should send nothing and say so', async () => {
    const smtp = await startSmtp();
    try {
      const mail = configured({});
      expect(mail.enabled).toBe(false);
      await expect(mail.sendInvite(invite())).resolves.toEqual({ sent: false });
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});

describe('MailService against a local SMTP server', () => {
  let smtp: SmtpFixture;
  let mail: MailService;

  beforeAll(async () => {
    smtp = await startSmtp({
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret') callback(null, { user: 'mailer' });
        else callback(new Error('bad credentials'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce@')) callback(new Error('550 no such user'));
        else callback();
      },
    });
    mail = configured({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'mailer',
      SMTP_PASS: 's3cret',
      SMTP_FROM: 'goprep <no-reply@goprep.example>',
    });
  });

  afterAll(async () => {
    mail.onModuleDestroy();
    await smtp.close();
  });

  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('should deliver an English invite with the headers, the link and the expiry', async () => {
    expect(mail.enabled).toBe(true);
    const result = await mail.sendInvite(invite());
    expect(result.sent).toBe(true);
    expect(result.messageId).toMatch(/^<.+@.+>$/);

    expect(smtp.received).toHaveLength(1);
    const [got] = smtp.received;
    expect(got!.from).toBe('no-reply@goprep.example');
    expect(got!.to).toEqual(['ada@example.com']);
    expect(got!.user).toBe('mailer');

    const message = readMessage(got!.raw);
    expect(message.header('from')).toBe('goprep <no-reply@goprep.example>');
    expect(message.header('to')).toBe('Ada Lovelace <ada@example.com>');
    expect(message.header('subject')).toBe('Invitation: Senior backend');
    expect(message.header('message-id')).toBe(result.messageId);
    expect(message.header('auto-submitted')).toBe('auto-generated');
    expect(message.text).toContain('Hello Ada Lovelace,');
    expect(message.text).toContain('"Senior backend"');
    expect(message.text).toContain('\nhttps://goprep.example/take#tok_abc123\n');
    expect(message.text).toContain('It expires on 2026-12-01 17:05 UTC.');
    expect(message.html).toContain('<a href="https://goprep.example/take#tok_abc123">Open the assessment</a>');
    expect(message.html).toContain('<html lang="en">');
  });

  it('should deliver a Chinese invite with a Chinese subject and body', async () => {
    await mail.sendInvite(invite({ locale: 'zh-CN', name: '张三', to: 'zhang@example.com', setTitle: '高级后端' }));
    const message = readMessage(smtp.received[0]!.raw);
    expect(message.header('subject')).toBe('测评邀请：高级后端');
    expect(message.header('to')).toBe('张三 <zhang@example.com>');
    expect(message.text).toContain('张三，您好：');
    expect(message.text).toContain('诚邀您参加测评“高级后端”。');
    expect(message.text).toContain('链接将于 2026-12-01 17:05 UTC 失效。');
    expect(message.text).toContain('https://goprep.example/take#tok_abc123');
    expect(message.html).toContain('<html lang="zh-CN">');
    expect(message.html).toContain('打开测评');
  });

  it('should escape the title and name in the HTML and keep them as typed in the text', async () => {
    await mail.sendInvite(invite({ name: 'Bob <b>&', setTitle: 'Go <script>alert("x")</script> & more' }));
    const message = readMessage(smtp.received[0]!.raw);
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('Go &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(message.html).toContain('Hello Bob &lt;b&gt;&amp;,');
    expect(message.text).toContain('Go <script>alert("x")</script> & more');
  });

  it('should not let a line break in a name or title add headers or recipients', async () => {
    await mail.sendInvite(invite({ name: 'Eve\r\nBcc: victim@example.com', setTitle: 'T\r\nX-Injected: yes' }));
    const [got] = smtp.received;
    expect(got!.to).toEqual(['ada@example.com']);
    const message = readMessage(got!.raw);
    expect(message.header('bcc')).toBeUndefined();
    expect(message.header('x-injected')).toBeUndefined();
    expect(message.header('subject')).toBe('Invitation: T X-Injected: yes');
  });

  it('should greet without a name when there is none', async () => {
    await mail.sendInvite(invite({ name: '  ' }));
    const message = readMessage(smtp.received[0]!.raw);
    expect(message.header('to')).toBe('ada@example.com');
    expect(message.text.startsWith('Hello,\n')).toBe(true);
  });

  it('should refuse a link that is not http(s)', async () => {
    await expect(mail.sendInvite(invite({ link: 'javascript:alert(1)' }))).rejects.toThrow(/http/);
    expect(smtp.received).toEqual([]);
  });

  it('should reject when the server refuses the recipient', async () => {
    await expect(mail.sendInvite(invite({ to: 'bounce@example.com' }))).rejects.toThrow();
    expect(smtp.received).toEqual([]);
  });
});

describe('MailService configured by SMTP_URL', () => {
  it('should send through the server named in the URL', async () => {
    const smtp = await startSmtp();
    const mail = configured({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'hiring@goprep.example' });
    try {
      await expect(mail.sendInvite(invite())).resolves.toMatchObject({ sent: true });
      expect(smtp.received.map((r) => [r.from, r.to])).toEqual([['hiring@goprep.example', ['ada@example.com']]]);
    } finally {
      mail.onModuleDestroy();
      await smtp.close();
    }
  });
});

describe('SMTP settings', () => {
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error: unknown) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('should accept no SMTP settings at all', () => {
    expect(problems({})).toEqual([]);
  });

  it('should require SMTP_FROM once a server is set', () => {
    expect(problems({ SMTP_HOST: 'mail.example.com' })).toEqual(['SMTP_FROM: required when SMTP is configured']);
    expect(problems({ SMTP_URL: 'smtps://u:p@mail.example.com' })).toEqual(['SMTP_FROM: required when SMTP is configured']);
  });

  it('should refuse both SMTP_URL and SMTP_HOST', () => {
    expect(problems({ SMTP_URL: 'smtp://mail.example.com', SMTP_HOST: 'mail.example.com', SMTP_FROM: 'a@example.com' })).toEqual([
      'SMTP_URL, SMTP_HOST: set one of them, not both',
    ]);
  });

  it('should refuse a user without a password, and host settings without a host', () => {
    expect(problems({ SMTP_HOST: 'h', SMTP_USER: 'u', SMTP_FROM: 'a@example.com' })).toEqual(['SMTP_USER, SMTP_PASS: set both or neither']);
    expect(problems({ SMTP_PORT: '25', SMTP_USER: 'u', SMTP_PASS: 'p' })).toEqual(['SMTP_PORT, SMTP_USER, SMTP_PASS: need SMTP_HOST (with SMTP_URL, put them in the URL)']);
  });

  it('should refuse malformed values', () => {
    expect(problems({ SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'a@example.com' }).join('\n')).toMatch(/SMTP_URL/);
    expect(problems({ SMTP_HOST: 'h', SMTP_FROM: 'not an address' }).join('\n')).toMatch(/SMTP_FROM/);
    expect(problems({ SMTP_HOST: 'h', SMTP_FROM: 'a@example.com', SMTP_PORT: '99999' }).join('\n')).toMatch(/SMTP_PORT/);
  });

  it('should take the port from SMTP_SECURE when none is given', () => {
    const config = loadConfig({ SMTP_HOST: 'h', SMTP_SECURE: 'true', SMTP_FROM: 'Goprep <a@example.com>' });
    expect(config.SMTP_SECURE).toBe(true);
    expect(config.SMTP_PORT).toBeUndefined();
  });
});
