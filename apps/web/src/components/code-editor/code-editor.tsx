import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useTheme } from '@/lib/theme';
import { monaco } from './monaco-setup';
import type { CodeEditorProps } from './types';

/** The Monaco-backed editor. Load it through `CodeEditor` (index.tsx), which lazy-loads this. */
type MonacoEditor = Parameters<OnMount>[0];

function revealLine(editor: MonacoEditor, line: number): void {
  const lines = editor.getModel()?.getLineCount() ?? line;
  const target = Math.min(Math.max(1, line), lines);
  editor.setSelection({
    startLineNumber: target,
    startColumn: 1,
    endLineNumber: target,
    endColumn: editor.getModel()?.getLineMaxColumn(target) ?? 1,
  });
  editor.revealLineInCenter(target);
  editor.focus();
}

export default function MonacoCodeEditor({ path, value, onChange, onRun, label, height = 360, readOnly = false, reveal }: CodeEditorProps) {
  const { theme } = useTheme();
  const editorRef = useRef<MonacoEditor | null>(null);
  // The cursor's line, on the element: what a report link moved it to, for tests and styling.
  const [cursorLine, setCursorLine] = useState(1);
  const revealRef = useRef(reveal);
  // Each reveal is applied once: switching tabs later does not pull the cursor back to it.
  const revealed = useRef<number | undefined>(undefined);
  useEffect(() => {
    revealRef.current = reveal;
    // Runs after Monaco switched to this path's model (the Editor child's effect runs first).
    if (reveal && editorRef.current && revealed.current !== reveal.key) {
      revealed.current = reveal.key;
      revealLine(editorRef.current, reveal.line);
    }
  }, [reveal, path]);
  // The command registered on mount calls the latest handler.
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  });

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current?.());
    editor.onDidChangeCursorPosition((e) => setCursorLine(e.position.lineNumber));
    const pending = revealRef.current;
    if (pending && revealed.current !== pending.key) {
      revealed.current = pending.key;
      revealLine(editor, pending.line);
    }
  };

  return (
    <div className="code-editor" data-testid="code-editor" data-ready="true" data-path={path} data-cursor-line={cursorLine}>
      <Editor
        height={height}
        language="go"
        path={path}
        // Uncontrolled: a `value` prop lags behind fast typing and would write stale text back into
        // the model, losing keystrokes. Each path's model starts from `value`; a new path starts over.
        defaultValue={value}
        onChange={(next) => onChange(next ?? '')}
        theme={theme === 'dark' ? 'goprep-dark' : 'goprep-light'}
        onMount={onMount}
        loading={<pre className="code-viewer__fallback">{value}</pre>}
        options={{
          readOnly,
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          lineNumbers: 'on',
          glyphMargin: false,
          folding: false,
          fontSize: 14,
          lineHeight: 20,
          fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
          padding: { top: 12, bottom: 12 },
          automaticLayout: true,
          scrollbar: { alwaysConsumeMouseWheel: false },
          tabSize: 4,
          insertSpaces: false,
          detectIndentation: false,
          // Tab indents Go code; Ctrl+M (Monaco's toggle) lets keyboard users leave the editor with Tab.
          tabFocusMode: false,
          stickyScroll: { enabled: false },
          contextmenu: false,
        }}
      />
    </div>
  );
}
