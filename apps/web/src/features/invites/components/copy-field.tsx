import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** A read-only value with a copy button; when the clipboard is blocked the text is selected instead. */
export function CopyField({ value, label, testId, multiline = false }: { value: string; label: string; testId?: string; multiline?: boolean }) {
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
  return (
    <div className="copy-row">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
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
}
