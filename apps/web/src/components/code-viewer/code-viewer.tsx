import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { goTokenLines, type GoToken } from '@goprep/domain';
import { DEFAULT_MAX_HEIGHT, LINE_HEIGHT, MARK_SIGN, PADDING, ReviewLegend, SelectionStatus } from './chrome';
import { lineMarks, type CodeViewerProps } from './types';

/** How many lines Page Up / Page Down move the line cursor. */
const PAGE_LINES = 10;

function sorted(lines: Iterable<number>): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

function plainLines(code: string): GoToken[][] {
  return code.split('\n').map((text) => (text ? [{ kind: 'text', text }] : []));
}

/**
 * Read-only Go code with optional line selection, rendered as plain DOM: the domain's Go tokenizer
 * colours it, so a page that only shows code never loads the editor (Monaco is for editable code).
 * Its size is known from the line count at the first paint, so nothing moves after it.
 *
 * A selectable viewer is a multi-select listbox of lines: click a line, or move with the arrow keys
 * (Home/End, Page Up/Down) and toggle with Space or Enter.
 */
export function CodeViewer({
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
  const baseId = useId();
  const hintId = `${baseId}-hint`;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [internal, setInternal] = useState<number[]>(selectedLines ?? []);
  const [announcement, setAnnouncement] = useState('');
  const selection = selectedLines ?? internal;
  const [active, setActive] = useState<number>(() => selection[0] ?? 1);
  const lines = useMemo(() => (language === 'go' ? goTokenLines(code) : plainLines(code)), [code, language]);
  const marks = review ? lineMarks(review) : [];
  const markOf = new Map(marks.map((m) => [m.line, m.mark]));
  const marksKey = marks.map((m) => `${m.line}${m.mark}`).join(',');
  const selected = new Set(selection);
  const lineCount = lines.length;
  const activeLine = Math.min(Math.max(active, 1), lineCount);
  const rowId = (line: number) => `${baseId}-line-${line}`;

  const scrollLineIntoView = (line: number, center: boolean) => {
    const box = scrollRef.current;
    if (!box) return;
    const top = PADDING + (line - 1) * LINE_HEIGHT;
    const visible = box.clientHeight - PADDING;
    if (center) {
      if (top < box.scrollTop || top + LINE_HEIGHT > box.scrollTop + visible) box.scrollTop = top - (box.clientHeight - LINE_HEIGHT) / 2;
    } else if (top < box.scrollTop + PADDING) {
      box.scrollTop = top - PADDING;
    } else if (top + LINE_HEIGHT > box.scrollTop + visible) {
      box.scrollTop = top + LINE_HEIGHT - visible;
    }
  };

  // Bring the first marked (or selected) line into a program taller than the viewer, before paint.
  const firstShown = marks[0]?.line ?? selection[0];
  useLayoutEffect(() => {
    if (firstShown) scrollLineIntoView(firstShown, true);
    // Only when the program or its marks change, not on every toggle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, marksKey]);

  const keyboardMoved = useRef(false);
  useEffect(() => {
    if (keyboardMoved.current) scrollLineIntoView(activeLine, false);
    keyboardMoved.current = false;
  }, [activeLine]);

  const toggleLine = (line: number) => {
    if (!selectable) return;
    const isSelected = selected.has(line);
    const next = sorted(isSelected ? selection.filter((l) => l !== line) : [...selection, line]);
    setInternal(next);
    onSelectedLinesChange?.(next);
    setAnnouncement(
      t(isSelected ? 'codeViewer.lineDeselected' : 'codeViewer.lineSelected', { line }) +
        ' ' +
        (next.length ? t('codeViewer.selection', { lines: next.join(', ') }) : t('codeViewer.noSelection')),
    );
  };

  const onRowClick = (line: number) => (e: MouseEvent) => {
    // A drag that selected text (to copy it) is not a choice of line.
    const text = window.getSelection();
    if (text && !text.isCollapsed && e.currentTarget.contains(text.anchorNode)) return;
    setActive(line);
    toggleLine(line);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Ctrl+Home/End jump like Home/End; other Ctrl chords (Ctrl+Enter checks a drill) belong to the page.
    if (e.altKey || e.metaKey || (e.ctrlKey && e.key !== 'Home' && e.key !== 'End')) return;
    const moves: Record<string, number> = {
      ArrowDown: activeLine + 1,
      ArrowUp: activeLine - 1,
      PageDown: activeLine + PAGE_LINES,
      PageUp: activeLine - PAGE_LINES,
      Home: 1,
      End: lineCount,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      keyboardMoved.current = true;
      setActive(Math.min(Math.max(target, 1), lineCount));
      return;
    }
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      toggleLine(activeLine);
    }
  };

  const rows = lines.map((tokens, i) => {
    const line = i + 1;
    const mark = markOf.get(line);
    const isSelected = selected.has(line);
    const className = [
      'cv-row',
      mark ? `cv-row--${mark}` : isSelected ? 'cv-row--selected' : '',
      selectable && line === activeLine ? 'cv-row--active' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <div
        key={line}
        id={rowId(line)}
        className={className}
        data-line={line}
        title={mark ? t(`codeViewer.mark.${mark}`) : undefined}
        {...(selectable ? { role: 'option', 'aria-selected': isSelected, onClick: onRowClick(line) } : {})}
      >
        {marks.length > 0 ? (
          <span className={mark ? `cv-mark cv-mark--${mark}` : 'cv-mark'} aria-hidden="true">
            {mark ? MARK_SIGN[mark] : ''}
          </span>
        ) : null}
        <span className="cv-num">{line}</span>
        <span className="cv-text">
          {tokens.map((token, k) =>
            token.kind === 'text' ? (
              token.text
            ) : (
              <span key={k} className={`cv-tok cv-tok--${token.kind}`}>
                {token.text}
              </span>
            ),
          )}
          {/* An empty line still has a line box's height. */}
          {tokens.length === 0 ? '\n' : null}
        </span>
      </div>
    );
  });

  const name = label ?? t('codeViewer.label');
  return (
    <div
      className={['code-viewer', selectable ? 'code-viewer--selectable' : '', marks.length ? 'code-viewer--marked' : ''].filter(Boolean).join(' ')}
      data-testid="code-viewer"
      data-ready="true"
      data-language={language}
      data-selected-lines={selection.join(',')}
      data-marks={marksKey || undefined}
    >
      {selectable ? (
        <p id={hintId} className="code-viewer__hint">
          {t('codeViewer.hint')}
        </p>
      ) : null}
      <div
        ref={scrollRef}
        className="cv-code"
        style={{ maxHeight }}
        data-lines={lineCount}
        // Not selectable: still focusable, so the keyboard can scroll a long program (a group, not a landmark).
        {...(selectable ? {} : { role: 'group', 'aria-label': name, tabIndex: 0 })}
      >
        {selectable ? (
          <div
            className="cv-lines"
            role="listbox"
            aria-multiselectable="true"
            aria-label={name}
            aria-describedby={hintId}
            aria-activedescendant={rowId(activeLine)}
            tabIndex={0}
            translate="no"
            onKeyDown={onKeyDown}
          >
            {rows}
          </div>
        ) : (
          <div className="cv-lines" translate="no">
            {rows}
          </div>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="code-viewer-announcement">
        {announcement}
      </div>
      <ReviewLegend review={review} />
      {selectable ? <SelectionStatus selection={selection} /> : null}
    </div>
  );
}
