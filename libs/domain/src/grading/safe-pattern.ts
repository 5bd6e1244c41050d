/**
 * A conservative check that a short-answer pattern cannot backtrack catastrophically. JavaScript
 * regexes backtrack, and patterns such as `(a+)+$` take exponential time on inputs like
 * `aaaa...b`; an input-length cap alone does not help there (2^40 steps is already hours). So
 * patterns with a repeated group that itself repeats or alternates, with back-references, or with
 * many unbounded quantifiers (polynomial blow-up) are refused and never run. Authors lose little:
 * short answers are a word or a phrase.
 */
export const MAX_PATTERN_LENGTH = 500;
const MAX_UNBOUNDED_QUANTIFIERS = 3;

interface GroupInfo {
  /** the group contains a quantifier or alternation, so repeating it can multiply paths */
  ambiguous: boolean;
}

export function isSafePattern(pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) return false;
  const stack: GroupInfo[] = [{ ambiguous: false }];
  let lastWasRiskyGroup = false;
  let unbounded = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return false;
      i += 2;
      lastWasRiskyGroup = false;
      continue;
    }
    if (ch === '[') {
      i = skipClass(pattern, i);
      lastWasRiskyGroup = false;
      continue;
    }
    if (ch === '(') {
      stack.push({ ambiguous: false });
      i += 1;
      if (pattern[i] === '?') i = skipGroupPrefix(pattern, i);
      lastWasRiskyGroup = false;
      continue;
    }
    if (ch === ')') {
      const closed = stack.length > 1 ? stack.pop() : undefined;
      if (closed === undefined) return false;
      lastWasRiskyGroup = closed.ambiguous;
      if (closed.ambiguous) markAmbiguous(stack);
      i += 1;
      continue;
    }
    if (ch === '|') {
      markAmbiguous(stack);
      i += 1;
      lastWasRiskyGroup = false;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier !== undefined) {
      if (quantifier.repeats && lastWasRiskyGroup) return false;
      if (quantifier.unbounded) unbounded += 1;
      if (unbounded > MAX_UNBOUNDED_QUANTIFIERS) return false;
      markAmbiguous(stack);
      i = quantifier.end;
      // a lazy or possessive-looking suffix belongs to the same quantifier
      if (pattern[i] === '?') i += 1;
      lastWasRiskyGroup = false;
      continue;
    }
    i += 1;
    lastWasRiskyGroup = false;
  }
  return stack.length === 1;
}

function markAmbiguous(stack: GroupInfo[]): void {
  const top = stack[stack.length - 1];
  if (top) top.ambiguous = true;
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipGroupPrefix(pattern: string, questionMark: number): number {
  const rest = pattern.slice(questionMark);
  const named = /^\?<([A-Za-z_$][\w$]*)>/.exec(rest);
  if (named) return questionMark + named[0].length;
  const look = /^\?(<=|<!|[:=!])/.exec(rest);
  return questionMark + (look ? look[0].length : 1);
}

interface Quantifier {
  end: number;
  /** can match the preceding atom more than once */
  repeats: boolean;
  unbounded: boolean;
}

function readQuantifier(pattern: string, i: number): Quantifier | undefined {
  const ch = pattern[i];
  if (ch === '*' || ch === '+') return { end: i + 1, repeats: true, unbounded: true };
  if (ch === '?') return { end: i + 1, repeats: false, unbounded: false };
  if (ch !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return { end: i + m[0].length, repeats: max > 1, unbounded: max === Infinity };
}
