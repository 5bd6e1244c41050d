import { formatLogLine, prettyDestination, resolveLogFormat } from './log-format';

describe('log format', () => {
  it('should choose pretty lines for a terminal and JSON otherwise, unless told', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('should print a request as method, path, status and time on one line', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 11, 6, 9, 30, 1, 234),
      pid: 1,
      hostname: 'h',
      req: { id: 'r1', method: 'GET', url: '/api/me', headers: { cookie: '[Redacted]' } },
      res: { statusCode: 200 },
      responseTime: 12.4,
      msg: 'request completed',
    });
    expect(formatLogLine(line, false)).toBe('09:30:01.234 INFO  GET /api/me 200 12ms');
  });

  it('should show the context, the message, other fields and an error stack indented', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 11, 6, 9, 30, 2, 0),
      context: 'Invites',
      inviteId: 'abc',
      err: { message: 'boom', stack: 'Error: boom\n    at x (y.ts:1:1)' },
      msg: 'invite mail failed',
    });
    expect(formatLogLine(line, false)).toBe('09:30:02.000 WARN  [Invites] invite mail failed inviteId=abc\n    Error: boom\n        at x (y.ts:1:1)');
  });

  it('should colour the level only when asked, and pass a non-JSON line through', () => {
    const line = JSON.stringify({ level: 50, time: 0, msg: 'down' });
    expect(formatLogLine(line, true)).toContain('\u001b[31mERROR\u001b[0m');
    expect(formatLogLine(line, false)).not.toContain('\u001b[');
    expect(formatLogLine('[goprep] ready: http://localhost:3000', false)).toBe('[goprep] ready: http://localhost:3000');
  });

  it('should write one readable line per JSON line it receives', () => {
    const written: string[] = [];
    const dest = prettyDestination({ write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WritableStream, false);
    dest.write(`${JSON.stringify({ level: 30, time: 0, msg: 'a' })}\n${JSON.stringify({ level: 30, time: 0, msg: 'b' })}\n`);
    expect(written).toEqual(['00:00:00.000 INFO  a\n', '00:00:00.000 INFO  b\n']);
  });
});
