import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useTheme } from '@/lib/theme';
import { monaco } from '../code-viewer/monaco-setup';
import type { CodeEditorProps } from './types';

/** The Monaco-backed editor. Load it through `CodeEditor` (index.tsx), which lazy-loads this. */
export default function MonacoCodeEditor({ path, value, onChange, onRun, label, height = 360, readOnly = false }: CodeEditorProps) {
  const { theme } = useTheme();
  // The command registered on mount calls the latest handler.
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  });

  const onMount: OnMount = (editor) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current?.());
  };

  return (
    <div className="code-editor" data-testid="code-editor" data-ready="true" data-path={path}>
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
