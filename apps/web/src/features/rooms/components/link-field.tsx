import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** A join link to hand over: shown read-only, copied with one button (or selected if the clipboard is blocked). */
export function LinkField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="room__link">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="room__link-row">
        <input id={id} className="input mono" readOnly value={value} onFocus={(e) => e.target.select()} data-testid={testId} />
        <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={`${t('common.copy')}: ${label}`}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
    </div>
  );
}
