import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useTheme } from '@/lib/theme';
import { monaco } from './monaco-setup';
import { codeHeight, DEFAULT_MAX_HEIGHT, LINE_HEIGHT, PADDING, ReviewLegend, SelectionStatus } from './chrome';
import { lineMarks, type CodeViewerProps } from './types';

type StandaloneEditor = Parameters<OnMount>[0];

function sorted(lines: Iterable<number>): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** The Monaco-backed viewer. Load it through `CodeViewer` (index.tsx), which lazy-loads this. */
export default function MonacoCodeViewer({
  code,
  language = 'go',
  selectable = true,
  selectedLines,
  onSelectedLinesChange,
  label,
  maxHeight = DEFAULT_MAX_HEIGHT,
  review,
}: CodeViewerProps) {
  const { t } = useTranslation();
  const { theme } = useTheme();
  const hintId = useId();
  const editorRef = useRef<StandaloneEditor | null>(null);
  const decorationsRef = useRef<ReturnType<StandaloneEditor['createDecorationsCollection']> | null>(null);
  const [internal, setInternal] = useState<number[]>(selectedLines ?? []);
  const [announcement, setAnnouncement] = useState('');
  const [height, setHeight] = useState(() => codeHeight(code, maxHeight));
  const selection = selectedLines ?? internal;
  const marks = review ? lineMarks(review) : [];
  const marksKey = marks.map((m) => `${m.line}${m.mark}`).join(',');

  // Handlers registered once on mount read the latest values through refs.
  const latest = useRef({ selection, selectable, onSelectedLinesChange, t, marks });
  useEffect(() => {
    latest.current = { selection, selectable, onSelectedLinesChange, t, marks };
  });

  const toggleLine = useCallback((line: number) => {
    const { selection: current, selectable: enabled, onSelectedLinesChange: notify, t: translate } = latest.current;
    if (!enabled) return;
    const isSelected = current.includes(line);
    const next = sorted(isSelected ? current.filter((l) => l !== line) : [...current, line]);
    setInternal(next);
    notify?.(next);
    setAnnouncement(
      translate(isSelected ? 'codeViewer.lineDeselected' : 'codeViewer.lineSelected', { line }) +
        ' ' +
        (next.length ? translate('codeViewer.selection', { lines: next.join(', ') }) : translate('codeViewer.noSelection')),
    );
  }, []);

  // Paint the selection (or the review marks) as whole-line decorations with a marked line number.
  const paint = useCallback(() => {
    const collection = decorationsRef.current;
    if (!collection) return;
    const { selection: current, marks: marked, t: translate } = latest.current;
    if (marked.length > 0) {
      collection.set(
        marked.map(({ line, mark }) => ({
          range: new monaco.Range(line, 1, line, 1),
          options: {
            isWholeLine: true,
            className: `cv-line--${mark}`,
            lineNumberClassName: `cv-number--${mark}`,
            linesDecorationsClassName: `cv-mark cv-mark--${mark}`,
            hoverMessage: { value: translate(`codeViewer.mark.${mark}`) },
          },
        })),
      );
      return;
    }
    collection.set(
      current.map((line) => ({
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: 'cv-line--selected',
          lineNumberClassName: 'cv-number--selected',
          linesDecorationsClassName: 'cv-gutter--selected',
          overviewRuler: { color: '#0e7490', position: monaco.editor.OverviewRulerLane.Full },
        },
      })),
    );
  }, []);
  const selectionKey = selection.join(',');
  useEffect(() => paint(), [paint, selectionKey, marksKey]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    decorationsRef.current = editor.createDecorationsCollection([]);

    editor.onDidContentSizeChange((e) => {
      setHeight(Math.min(maxHeight, Math.max(e.contentHeight, LINE_HEIGHT * 2)));
    });

    let gutterLine: number | null = null;
    editor.onMouseDown((e) => {
      const type = e.target.type;
      const onGutter =
        type === monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS ||
        type === monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS ||
        type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN;
      const line = e.target.position?.lineNumber;
      gutterLine = onGutter && line ? line : null;
      if (gutterLine) toggleLine(gutterLine);
    });
    // Monaco selects the whole line on a gutter click; the decoration already shows the choice,
    // so collapse the text selection to a cursor on that line (which also keeps keyboard focus there).
    editor.onMouseUp(() => {
      if (gutterLine && latest.current.selectable) editor.setPosition({ lineNumber: gutterLine, column: 1 });
      gutterLine = null;
    });

    // Keyboard: arrows move Monaco's cursor (read-only), Space or Enter toggles its line.
    editor.onKeyDown((e) => {
      if (!latest.current.selectable) return;
      if (e.keyCode === monaco.KeyCode.Space || e.keyCode === monaco.KeyCode.Enter) {
        const line = editor.getPosition()?.lineNumber;
        if (line) {
          e.preventDefault();
          e.stopPropagation();
          toggleLine(line);
        }
      }
    });

    // Paint a selection (or marks) that existed before mount, and bring the first marked or
    // selected line into the viewer when the program is taller than it.
    paint();
    const first = latest.current.marks[0]?.line ?? latest.current.selection[0];
    if (first) editor.revealLineInCenterIfOutsideViewport(first, monaco.editor.ScrollType.Immediate);
  };

  return (
    <div
      className={['code-viewer', selectable ? 'code-viewer--selectable' : ''].filter(Boolean).join(' ')}
      data-testid="code-viewer"
      data-ready="true"
      data-selected-lines={selection.join(',')}
      data-marks={marksKey || undefined}
    >
      {selectable ? (
        <p id={hintId} className="code-viewer__hint">
          {t('codeViewer.hint')}
        </p>
      ) : null}
      <Editor
        height={height}
        language={language}
        value={code}
        theme={theme === 'dark' ? 'goprep-dark' : 'goprep-light'}
        onMount={onMount}
        loading={
          <pre className="code-viewer__fallback" aria-busy="true" style={{ height }}>
            {code}
          </pre>
        }
        options={{
          readOnly: true,
          domReadOnly: true,
          readOnlyMessage: { value: t('codeViewer.readOnly') },
          ariaLabel: [label ?? t('codeViewer.label'), selectable ? t('codeViewer.hint') : ''].filter(Boolean).join('. '),
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          lineNumbers: 'on',
          lineDecorationsWidth: marks.length > 0 ? 22 : 10,
          glyphMargin: false,
          folding: false,
          renderLineHighlight: selectable ? 'line' : 'none',
          contextmenu: false,
          fontSize: 14,
          lineHeight: LINE_HEIGHT,
          fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
          padding: { top: PADDING, bottom: PADDING },
          automaticLayout: true,
          scrollbar: { alwaysConsumeMouseWheel: false },
          tabSize: 4,
          wordWrap: 'off',
          occurrencesHighlight: 'off',
          selectionHighlight: false,
          links: false,
          stickyScroll: { enabled: false },
        }}
      />
      <div className="visually-hidden" aria-live="polite" data-testid="code-viewer-announcement">
        {announcement}
      </div>
      <ReviewLegend review={review} />
      {selectable ? <SelectionStatus selection={selection} /> : null}
    </div>
  );
}
