import { useTranslation } from 'react-i18next';
import { lineMarks, type CodeViewerProps } from './types';

export const LINE_HEIGHT = 20;
export const PADDING = 12;
/** Programs up to this many lines show whole, without scrolling inside the viewer. */
export const MAX_LINES = 60;
export const DEFAULT_MAX_HEIGHT = MAX_LINES * LINE_HEIGHT + PADDING * 2;

export const MARK_SIGN = { hit: '✓', wrong: '✗', missed: '→' } as const;

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
