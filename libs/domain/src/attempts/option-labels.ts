/**
 * One label per option wherever a learner, candidate or manager sees it: the letter of its place in
 * the order shown (A, B, C, ...). The bank's explanations and option feedback name options by id
 * ("Option (b) is tempting", "options a and d", "选项 b"); at delivery those references are rewritten
 * to the letter the reader sees, so an explanation always names the option as it was displayed.
 *
 * A reference, in the prose of a choice question (never inside code spans, fenced code or URLs), is:
 * - a lone option id in parentheses, `(b)`, not glued to an identifier (`Go(f)` is a call);
 * - `option`/`options` followed by ids or parenthesised ids, joined by `,` `and` `or`: `options a, d and f`;
 * - `选项` followed the same way, joined by `、` `，` `和` `与` `或`: `选项 a 和 b`.
 * Option ids that are references are single letters a-h (the bank's ids); the bank lint rejects a
 * reference to an id the question does not have.
 */

/** The label of the option shown at `index` (0-based): A, B, C, ... */
export function optionLabel(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 26) throw new RangeError(`option index must be 0-25, got ${index}`);
  return String.fromCharCode(65 + index);
}

/** Option id -> label, for options in the order they are shown. */
export function optionLabels(displayedIds: readonly string[]): Map<string, string> {
  return new Map(displayedIds.map((id, index) => [id, optionLabel(index)]));
}

/** One option id named in a text: where the id's letter stands (`start`, length 1). */
export interface OptionReference {
  id: string;
  start: number;
}

const HIDDEN = '\u0000';

/** The text with code (fenced and inline), URLs and link targets blanked out, offsets unchanged. */
function proseMask(markdown: string): string {
  const chars = markdown.split('');
  const hide = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) if (chars[i] !== '\n') chars[i] = HIDDEN;
  };
  // Fenced blocks: from an opening fence line to its closing fence (or the end).
  let offset = 0;
  let fenceStart: number | undefined;
  let marker = '';
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceStart === undefined && fence) {
      fenceStart = offset;
      marker = fence[1] ?? '';
    } else if (fenceStart !== undefined && fence && line.trim().startsWith(marker)) {
      hide(fenceStart, offset + line.length);
      fenceStart = undefined;
    }
    offset += line.length + 1;
  }
  if (fenceStart !== undefined) hide(fenceStart, markdown.length);
  const masked = () => chars.join('');
  for (const m of masked().matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) hide(m.index, m.index + m[0].length);
  for (const m of masked().matchAll(/https?:\/\/[^\s)>\]]+|\]\([^)]*\)/g)) hide(m.index, m.index + m[0].length);
  return masked();
}

const ID = String.raw`(?:\([a-h]\)|[a-h])`;
const EN_JOIN = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)`;
const ZH_JOIN = String.raw`(?:\s*[、，,]\s*|\s*[和与或]\s*)`;
/** A run after a keyword; what follows must not continue a word (`option bar` names nothing). */
const EN_LIST = new RegExp(String.raw`\b[Oo]ptions?\s+(${ID}(?:${EN_JOIN}${ID})*)(?![A-Za-z0-9_'’-])`, 'g');
const ZH_LIST = new RegExp(String.raw`选项\s*(${ID}(?:${ZH_JOIN}${ID})*)(?![A-Za-z0-9_'’-])`, 'g');
/** `(b)` on its own: not after an identifier character or a closing bracket (`Go(f)`, `x[i](b)`). */
const PAREN = /(?<![A-Za-z0-9_\])])\(([a-h])\)(?![A-Za-z0-9_])/g;

/** Every option reference in a text, in order of position. */
export function findOptionReferences(markdown: string): OptionReference[] {
  const prose = proseMask(markdown);
  const found = new Map<number, string>();
  for (const pattern of [EN_LIST, ZH_LIST]) {
    for (const m of prose.matchAll(pattern)) {
      const list = m[1] ?? '';
      const listStart = m.index + m[0].length - list.length;
      // Inside the list every lone letter a-h is an id ("and"/"or" have none standing alone).
      for (const id of list.matchAll(/(?<![A-Za-z])[a-h](?![A-Za-z])/g)) found.set(listStart + id.index, id[0]);
    }
  }
  for (const m of prose.matchAll(PAREN)) found.set(m.index + 1, m[1] ?? '');
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([start, id]) => ({ id, start }));
}

/** The ids a text names that are not among `optionIds` (each once, in order of first mention). */
export function unresolvedOptionReferences(markdown: string, optionIds: readonly string[]): string[] {
  const known = new Set(optionIds);
  return [...new Set(findOptionReferences(markdown).map((r) => r.id).filter((id) => !known.has(id)))];
}

/**
 * The text with each option reference rewritten to the label its option is shown with. A reference
 * to an id without a label (the lint keeps these out of the bank) is left as written.
 */
export function relabelOptionReferences(markdown: string, labels: ReadonlyMap<string, string>): string {
  const refs = findOptionReferences(markdown);
  if (refs.length === 0) return markdown;
  let out = '';
  let last = 0;
  for (const ref of refs) {
    const label = labels.get(ref.id);
    if (label === undefined) continue;
    out += markdown.slice(last, ref.start) + label;
    last = ref.start + 1;
  }
  return out + markdown.slice(last);
}
