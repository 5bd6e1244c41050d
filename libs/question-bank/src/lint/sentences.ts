const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|cf|approx|Fig|No|Dr|Mr|Ms|St)\.$/i;

/**
 * Counts sentences in Markdown prose. Code (fenced and inline) and URLs are blanked first, so
 * `time.Sleep` or `go1.26` do not count as sentence ends; common abbreviations are skipped.
 */
export function countSentences(markdown: string): number {
  const prose = markdown
    .replace(/^\s*(```|~~~)[\s\S]*?^\s*\1.*$/gm, ' code. ')
    .replace(/`[^`\n]*`/g, 'code')
    .replace(/\bhttps?:\/\/\S*[^\s.,;:!?)\]]/g, 'link')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (prose === '') return 0;
  let count = 0;
  const terminator = /[.!?]+["')\]]*(?=\s|$)/g;
  let match: RegExpExecArray | null;
  while ((match = terminator.exec(prose)) !== null) {
    const before = prose.slice(0, match.index + 1);
    if (ABBREVIATIONS.test(before)) continue;
    count += 1;
  }
  // Trailing prose without a final full stop is still a sentence.
  if (!/[.!?]["')\]]*$/.test(prose)) count += 1;
  return count;
}
