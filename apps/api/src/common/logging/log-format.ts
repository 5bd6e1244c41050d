import type { DestinationStream } from 'pino';

export type LogFormat = 'auto' | 'json' | 'pretty';

/** `auto`: readable lines in a terminal, JSON (one object a line) for everything else (files, collectors). */
export function resolveLogFormat(format: LogFormat, isTty: boolean): 'json' | 'pretty' {
  if (format === 'auto') return isTty ? 'pretty' : 'json';
  return format;
}

const LEVELS: Record<number, { name: string; color: string }> = {
  10: { name: 'TRACE', color: '90' },
  20: { name: 'DEBUG', color: '36' },
  30: { name: 'INFO ', color: '32' },
  40: { name: 'WARN ', color: '33' },
  50: { name: 'ERROR', color: '31' },
  60: { name: 'FATAL', color: '35' },
};

/** Fields shown elsewhere in the line, or noise in a terminal. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err']);

const paint = (color: boolean, code: string, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

function clock(time: unknown): string {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toISOString().slice(11, 23);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

/**
 * One pino JSON line as one readable line: `12:00:01.234 INFO  [Context] message key=value`, a
 * request as `GET /api/x 200 12ms`, an error's stack on the lines below. A line that is not JSON
 * passes through unchanged.
 */
export function formatLogLine(line: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return line.trimEnd();
    entry = parsed as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const level = LEVELS[Number(entry['level'])] ?? { name: String(entry['level']).padEnd(5), color: '0' };
  const parts = [paint(color, '90', clock(entry['time'])), paint(color, level.color, level.name)];
  if (typeof entry['context'] === 'string') parts.push(paint(color, '36', `[${entry['context']}]`));
  const req = entry['req'] as { method?: string; url?: string } | undefined;
  const res = entry['res'] as { statusCode?: number } | undefined;
  if (req?.method && req.url) {
    const took = typeof entry['responseTime'] === 'number' ? ` ${Math.round(entry['responseTime'])}ms` : '';
    parts.push(`${req.method} ${req.url}${res?.statusCode !== undefined ? ` ${res.statusCode}` : ''}${took}`);
  }
  if (typeof entry['msg'] === 'string' && entry['msg'] !== '' && !(req?.method && /^request (completed|errored)$/.test(entry['msg']))) parts.push(entry['msg']);
  const extras = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => paint(color, '90', `${key}=${scalar(value)}`));
  let out = [...parts, ...extras].join(' ');
  const err = entry['err'] as { message?: string; stack?: string } | undefined;
  if (err?.stack) out += `\n${err.stack.replace(/^/gm, '    ')}`;
  else if (err?.message) out += ` ${paint(color, '31', err.message)}`;
  return out;
}

/** A pino destination writing readable lines to `out` (the terminal). */
export function prettyDestination(out: NodeJS.WritableStream & { hasColors?: () => boolean }, color = out.hasColors?.() ?? false): DestinationStream {
  return {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) if (line.trim() !== '') out.write(`${formatLogLine(line, color)}\n`);
    },
  };
}
