import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** A signing secret in a read-only field with a copy button (selected instead when the clipboard is blocked). */
export function SecretBox({ secret, label }: { secret: string; label: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      const el = document.getElementById(id);
      if (el instanceof HTMLInputElement) el.select();
    }
  };
  return (
    <div className="copy-row wh-secret">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} className="input mono" readOnly value={secret} onFocus={(e) => e.target.select()} data-testid="webhook-secret" />
      <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={`${copied ? t('common.copied') : t('common.copy')}: ${label}`}>
        {copied ? t('common.copied') : t('common.copy')}
      </Button>
    </div>
  );
}
