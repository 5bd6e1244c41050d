import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeViewer } from '@/components/code-viewer';

type Props = {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** code-lines: the preview lets the author click the key lines. */
  selectable?: boolean;
  selectedLines?: number[];
  onSelectedLinesChange?: (lines: number[]) => void;
  label: string;
};

/**
 * A plain monospace textarea for the Go program (gofmt indents with tabs, so Tab inserts one;
 * Escape then Tab leaves the field), with the read-only CodeViewer preview learners will see.
 */
export function GoCodeField({ value, onChange, error, selectable = false, selectedLines, onSelectedLinesChange, label }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const escaped = useRef(false);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      escaped.current = true;
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && !escaped.current) {
      e.preventDefault();
      // Edit the DOM synchronously (caret included) and then report it: restoring the caret later
      // (after a re-render) let keys typed in between land at the end of the text.
      const el = e.currentTarget;
      el.setRangeText('\t', el.selectionStart, el.selectionEnd, 'end');
      onChange(el.value);
      return;
    }
    escaped.current = false;
  };

  return (
    <div className="oq-code">
      <div className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <textarea
          id={id}
          name="code"
          className="input textarea mono oq-code__input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          rows={Math.min(24, Math.max(8, value.split('\n').length + 1))}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('orgQuestions.form.codeHint')}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="oq-code__preview">
        <p className="field__label">{t('orgQuestions.form.preview')}</p>
        {value.trim() ? (
          <CodeViewer
            code={value}
            label={t('orgQuestions.form.preview')}
            selectable={selectable}
            {...(selectedLines ? { selectedLines } : {})}
            {...(onSelectedLinesChange ? { onSelectedLinesChange } : {})}
            maxHeight={420}
          />
        ) : (
          <p className="muted small">{t('orgQuestions.form.previewEmpty')}</p>
        )}
      </div>
    </div>
  );
}
