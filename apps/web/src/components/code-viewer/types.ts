export type CodeViewerProps = {
  /** The program text. */
  code: string;
  /** Monaco language id; only Go is registered (others show as plain text). */
  language?: 'go' | 'plaintext';
  /** When false, the viewer is plain display: no line selection, no gutter clicks. */
  selectable?: boolean;
  /** Controlled selection (1-based line numbers). Omit to let the viewer keep its own. */
  selectedLines?: number[];
  /** Called with the sorted selection whenever a line is toggled. */
  onSelectedLinesChange?: (lines: number[]) => void;
  /** Accessible name of the code region, e.g. the question title. */
  label?: string;
  /** Upper bound of the auto height, in pixels. */
  maxHeight?: number;
};
