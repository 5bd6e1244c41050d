import { useTranslation } from 'react-i18next';
import { lineMarks, type CodeViewerProps } from './types';

export const LINE_HEIGHT = 20;
export const PADDING = 12;
/** Programs up to this many lines show whole, without scrolling inside the viewer. */
export const MAX_LINES = 60;
export const DEFAULT_MAX_HEIGHT = MAX_LINES * LINE_HEIGHT + PADDING * 2;

/**
 * The height of the code area for a program: one line box per line plus the padding, capped. The
 * plain-text fallback and Monaco use the same figure, so the page does not move when Monaco arrives.
 */
export function codeHeight(code: string, maxHeight = DEFAULT_MAX_HEIGHT): number {
  return Math.min(maxHeight, code.split('\n').length * LINE_HEIGHT + PADDING * 2);
}

const MARK_SIGN = { hit: '✓', wrong: '✗', missed: '→' } as const;

/** The review legend in words (the marks never rely on colour alone). */
export function ReviewLegend({ review }: Pick<CodeViewerProps, 'review'>) {
  const { t } = useTranslation();
  const marks = review ? lineMarks(review) : [];
  if (marks.length === 0) return null;
  return (
    <ul className="code-viewer__legend" data-testid="code-viewer-legend">
      {(['hit', 'wrong', 'missed'] as const).map((kind) => {
        const lines = marks.filter((m) => m.mark === kind).map((m) => m.line);
        return lines.length ? (
          <li key={kind} data-mark={kind}>
            <span className={`cv-sign cv-sign--${kind}`} aria-hidden="true">
              {MARK_SIGN[kind]}
            </span>{' '}
            {t(`codeViewer.legend.${kind}`, { lines: lines.join(', '), count: lines.length })}
          </li>
        ) : null;
      })}
    </ul>
  );
}

/** The visible selection summary under a selectable viewer. */
export function SelectionStatus({ selection }: { selection: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <p className="code-viewer__status" aria-hidden="true" data-testid="code-viewer-selection">
      {selection.length ? t('codeViewer.selection', { lines: selection.join(', ') }) : t('codeViewer.noSelection')}
    </p>
  );
}

/** What a viewer shows before Monaco is ready: the same frame and height, the program as plain text. */
export function PlainCodeViewer(props: CodeViewerProps) {
  const { t } = useTranslation();
  const selectable = props.selectable ?? true;
  return (
    <div
      className={['code-viewer', 'code-viewer--loading', selectable ? 'code-viewer--selectable' : ''].filter(Boolean).join(' ')}
      data-testid="code-viewer"
      data-ready="false"
    >
      {selectable ? <p className="code-viewer__hint">{t('codeViewer.hint')}</p> : null}
      <pre className="code-viewer__fallback" aria-busy="true" style={{ height: codeHeight(props.code, props.maxHeight) }}>
        {props.code}
      </pre>
      <ReviewLegend review={props.review} />
      {selectable ? <SelectionStatus selection={props.selectedLines ?? []} /> : null}
    </div>
  );
}
