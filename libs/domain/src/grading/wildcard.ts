/**
 * Moodle's short-answer wildcard: `*` stands for any run of characters (also none) and `\*` for a
 * literal star; runs of stars count as one. Matched without regular expressions, by the classic
 * two-pointer walk that remembers the last star, so the cost is bounded by text x pattern length
 * whatever the number of stars (a regex built from `a*b*c*...` can backtrack exponentially).
 */
export interface WildcardPattern {
  /** Literal pieces between stars; a star sits between consecutive pieces. */
  pieces: string[];
}

export function parseWildcard(text: string): WildcardPattern {
  const pieces: string[] = [''];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '\\' && text[i + 1] === '*') {
      pieces[pieces.length - 1] += '*';
      i += 1;
    } else if (ch === '*') {
      // A run of stars is one star: only start a new piece after a non-empty one or at the start.
      if (pieces[pieces.length - 1] !== '' || pieces.length === 1) pieces.push('');
    } else {
      pieces[pieces.length - 1] += ch;
    }
  }
  return { pieces };
}

/** True if the pattern has at least one unescaped `*`. */
export function hasWildcard(text: string): boolean {
  return parseWildcard(text).pieces.length > 1;
}

/** The literal text of a pattern without wildcards (`\*` becomes `*`). */
export function unescapeWildcard(text: string): string {
  return text.replace(/\\\*/g, '*');
}

/** Full match of `text` against the pattern, compared character by character (code units). */
export function matchWildcard(pattern: WildcardPattern, text: string): boolean {
  const { pieces } = pattern;
  if (pieces.length === 1) return text === pieces[0];
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  // Middle pieces, leftmost occurrence each, between the fixed prefix and suffix: greedy is optimal
  // for plain stars because taking the earliest place for a piece never blocks a later one.
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i += 1) {
    const piece = pieces[i] as string;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
