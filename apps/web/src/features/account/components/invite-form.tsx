import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateInvite } from '../api/create-invite';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function InviteForm({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const invite = useCreateInvite();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!EMAIL.test(email.trim())) {
      setError(t('validation.emailInvalid'));
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    setCopied(false);
    invite.mutate({ orgId, email: email.trim() });
  };

  // The server may return a path; make it absolute so it can be pasted into an email.
  const link = invite.data ? new URL(invite.data.link || `/org-invite/${invite.data.token}`, window.location.origin).toString() : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard blocked (insecure context): select the text so Ctrl+C works.
      const input = document.getElementById(linkId);
      if (input instanceof HTMLInputElement) input.select();
    }
  };

  const requestError = invite.isError
    ? isApiError(invite.error, 'FORBIDDEN') || (isApiError(invite.error) && invite.error.status === 403)
      ? t('account.orgs.inviteForbidden')
      : isApiError(invite.error)
        ? invite.error.message
        : t('errors.network')
    : null;

  return (
    <div className="invite">
      <form className="form form--inline" onSubmit={onSubmit} noValidate aria-label={t('account.orgs.inviteTo', { name: orgName })}>
        <TextField
          ref={inputRef}
          label={t('account.orgs.inviteEmail')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error}
        />
        <Button type="submit" variant="secondary" loading={invite.isPending}>
          {t('account.orgs.inviteSubmit')}
        </Button>
      </form>
      <Alert>{requestError}</Alert>
      {invite.data ? (
        <div className="invite__result" role="status">
          <label htmlFor={linkId} className="field__label">
            {t('account.orgs.inviteLink')}
          </label>
          <div className="copy-row">
            <input id={linkId} className="input mono" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="invite-link" />
            <Button variant="secondary" onClick={() => void copy()}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          </div>
          <p className="field__hint">
            {t('account.orgs.inviteExpires', {
              date: new Date(invite.data.expiresAt).toLocaleString(i18n.language),
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
