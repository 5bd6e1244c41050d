export type CodeEditorProps = {
  /** The Monaco model path: one model per file keeps each file's text and undo history. */
  path: string;
  /** The text a path's model starts with; later changes to it are not applied (use a new path to start over). */
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter (Cmd+Enter on macOS) inside the editor. */
  onRun?: () => void;
  /** Accessible name of the editor, e.g. the file name. */
  label: string;
  height?: number;
  readOnly?: boolean;
  /**
   * Moves the cursor to this line, selects it and scrolls it into view (a race or leak report line
   * clicked). A new `key` repeats the move to the same line.
   */
  reveal?: { line: number; key: number };
};
