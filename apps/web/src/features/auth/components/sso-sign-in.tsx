import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { env } from '@/config/env';
import { validateEmail } from '../utils/validation';

const SSO_ERRORS = new Set([
  'SSO_NOT_CONFIGURED',
  'SSO_STATE_INVALID',
  'SSO_PROVIDER_ERROR',
  'SSO_TOKEN_INVALID',
  'SSO_EMAIL_UNVERIFIED',
  'SSO_DOMAIN_MISMATCH',
  'SSO_ACCOUNT_NOT_LINKABLE',
  'SSO_DOMAIN_UNVERIFIED',
  'RATE_LIMITED',
]);

/**
 * "Sign in with SSO": the email's domain picks the organization; the browser then goes to the
 * API, which sends it on to the identity provider. A failed sign-in comes back as ?sso_error=CODE.
 */
export function SsoSignIn({ errorCode }: { errorCode: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(errorCode !== null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const invalid = validateEmail(email);
    setError(invalid ? t(invalid) : undefined);
    if (invalid) return emailRef.current?.focus();
    setLeaving(true);
    window.location.assign(`${env.apiOrigin}/api/auth/sso/start?email=${encodeURIComponent(email.trim())}`);
  };

  const message = errorCode ? t(`sso.errors.${SSO_ERRORS.has(errorCode) ? errorCode : 'other'}`) : null;

  return (
    <section className="sso-sign-in" aria-labelledby="sso-title">
      <p className="form__divider" id="sso-title">
        {t('sso.signIn.or')}
      </p>
      <Alert>{message}</Alert>
      {open ? (
        <form className="form" onSubmit={onSubmit} noValidate aria-label={t('sso.signIn.title')}>
          <TextField
            ref={emailRef}
            label={t('sso.signIn.email')}
            hint={t('sso.signIn.hint')}
            type="email"
            name="sso-email"
            autoComplete="email"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error}
          />
          <Button type="submit" variant="secondary" loading={leaving} className="btn--block">
            {t('sso.signIn.continue')}
          </Button>
        </form>
      ) : (
        <Button variant="secondary" className="btn--block" onClick={() => setOpen(true)}>
          {t('sso.signIn.button')}
        </Button>
      )}
    </section>
  );
}
