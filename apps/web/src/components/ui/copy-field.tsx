import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/**
 * A read-only value with a copy button; when the clipboard is blocked the text is selected instead.
 * The label is for screen readers unless `visibleLabel` shows it above the value (a room's join links).
 */
export function CopyField({
  value,
  label,
  testId,
  multiline = false,
  visibleLabel = false,
}: {
  value: string;
  label: string;
  testId?: string;
  multiline?: boolean;
  visibleLabel?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      const el = document.getElementById(id);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
    }
  };
  const labelElement = (
    <label htmlFor={id} className={visibleLabel ? 'field__label' : 'visually-hidden'}>
      {label}
    </label>
  );
  const row = (
    <div className="copy-row">
      {visibleLabel ? null : labelElement}
      {multiline ? (
        <textarea id={id} className="input mono textarea" readOnly value={value} rows={Math.min(8, value.split('\n').length)} data-testid={testId} />
      ) : (
        <input id={id} className="input mono" readOnly value={value} onFocus={(e) => e.target.select()} data-testid={testId} />
      )}
      <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={`${copied ? t('common.copied') : t('common.copy')}: ${label}`}>
        {copied ? t('common.copied') : t('common.copy')}
      </Button>
    </div>
  );
  if (!visibleLabel) return row;
  return (
    <div className="copy-field">
      {labelElement}
      {row}
    </div>
  );
}
