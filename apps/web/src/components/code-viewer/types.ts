export type CodeViewerProps = {
  /** The program text. */
  code: string;
  /** Go is highlighted; plaintext is shown as it is. */
  language?: 'go' | 'plaintext';
  /** When false, the viewer is plain display: no line selection, no gutter clicks. */
  selectable?: boolean;
  /** Controlled selection (1-based line numbers). Omit to let the viewer keep its own. */
  selectedLines?: number[];
  /** Called with the sorted selection whenever a line is toggled. */
  onSelectedLinesChange?: (lines: number[]) => void;
  /** Accessible name of the code region, e.g. the question title. */
  label?: string;
  /** Upper bound of the auto height, in pixels (default: 60 lines; shorter programs get their own height). */
  maxHeight?: number;
  /**
   * Review marks after an answer: the lines the learner chose against the key's. Each line gets a
   * sign in the gutter (✓ chosen and correct, ✗ chosen but wrong, → correct but not chosen) and a
   * legend in words, so the marks do not rely on colour. The first marked line is scrolled into view.
   */
  review?: { chosen: readonly number[]; correct: readonly number[] };
};

export type LineMark = 'hit' | 'wrong' | 'missed';

/** Each marked line with its kind, in line order. */
export function lineMarks(review: { chosen: readonly number[]; correct: readonly number[] }): Array<{ line: number; mark: LineMark }> {
  const chosen = new Set(review.chosen);
  const correct = new Set(review.correct);
  return [...new Set([...chosen, ...correct])]
    .sort((a, b) => a - b)
    .map((line) => ({ line, mark: chosen.has(line) ? (correct.has(line) ? 'hit' : 'wrong') : 'missed' }));
}
