/**
 * GIFT text as a list of characters that remember whether they were escaped and on which line
 * they stand. Special characters only count when unescaped, and every error must carry a line,
 * so the parser works on these instead of on plain strings.
 */
export interface Tok {
  ch: string;
  esc: boolean;
  line: number;
}

/** Characters GIFT lets you escape with a backslash; `\n` is a newline. */
export const GIFT_SPECIAL = new Set(['~', '=', '#', '{', '}', ':', '\\']);

export function tokenize(lines: readonly { text: string; line: number }[]): Tok[] {
  const toks: Tok[] = [];
  lines.forEach(({ text, line }, index) => {
    if (index > 0) toks.push({ ch: '\n', esc: false, line });
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] as string;
      const next = text[i + 1];
      if (ch === '\\' && next !== undefined) {
        if (GIFT_SPECIAL.has(next)) {
          toks.push({ ch: next, esc: true, line });
          i += 1;
          continue;
        }
        // Not in Moodle's list, but the writer needs it: an unescaped "->" would make a matching question.
        if (next === '>') {
          toks.push({ ch: '>', esc: true, line });
          i += 1;
          continue;
        }
        if (next === 'n') {
          toks.push({ ch: '\n', esc: true, line });
          i += 1;
          continue;
        }
      }
      toks.push({ ch, esc: false, line });
    }
  });
  return toks;
}

export function str(toks: readonly Tok[]): string {
  return toks.map((t) => t.ch).join('');
}

export function isAt(toks: readonly Tok[], i: number, ch: string): boolean {
  const tok = toks[i];
  return tok !== undefined && !tok.esc && tok.ch === ch;
}

export function indexOfUnescaped(toks: readonly Tok[], ch: string, from = 0, to = toks.length): number {
  for (let i = from; i < to; i += 1) if (isAt(toks, i, ch)) return i;
  return -1;
}

export function skipSpace(toks: readonly Tok[], from: number): number {
  let i = from;
  while (i < toks.length && /\s/.test((toks[i] as Tok).ch) && !(toks[i] as Tok).esc) i += 1;
  return i;
}

export function splitUnescaped(toks: readonly Tok[], ch: string): Tok[][] {
  const parts: Tok[][] = [[]];
  for (const tok of toks) {
    if (!tok.esc && tok.ch === ch) parts.push([]);
    else parts[parts.length - 1]?.push(tok);
  }
  return parts;
}

/** Escapes text for GIFT: the special characters, and newlines as `\n` so a text stays on one line. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
