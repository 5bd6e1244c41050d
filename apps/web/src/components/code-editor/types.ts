export type CodeEditorProps = {
  /** The Monaco model path: one model per file keeps each file's undo history. */
  path: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter (Cmd+Enter on macOS) inside the editor. */
  onRun?: () => void;
  /** Accessible name of the editor, e.g. the file name. */
  label: string;
  height?: number;
  readOnly?: boolean;
};
