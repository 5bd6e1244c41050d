import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useForgotPassword } from '../api/forgot-password';
import { authErrorMessage } from '../utils/error-message';
import { validateEmail } from '../utils/validation';
import { EmailField } from './email-field';

/**
 * Asks for a reset link. The answer is the same whether the account exists; it only says whether
 * this server mails links at all, and where it does not, how an administrator resets a password.
 */
export function ForgotPasswordForm() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const emailRef = useRef<HTMLInputElement>(null);
  const forgot = useForgotPassword();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = validateEmail(email);
    setError(problem);
    if (problem) return emailRef.current?.focus();
    forgot.mutate({ email: email.trim(), locale: i18n.language.startsWith('zh') ? 'zh-CN' : 'en' });
  };

  if (forgot.data) {
    return (
      <div className="stack" data-testid="forgot-result">
        {forgot.data.byMail ? (
          <p role="status">{t('auth.forgot.sent', { email: email.trim() })}</p>
        ) : (
          <>
            <p role="status">{t('auth.forgot.noMail')}</p>
            <pre className="command"><code>{`npm run admin -- reset-password --email ${email.trim()}`}</code></pre>
          </>
        )}
        <p className="form__footer">
          <Link to="/login">{t('auth.forgot.backToLogin')}</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('auth.forgot.title')}>
      <Alert>{forgot.isError ? authErrorMessage(forgot.error, t) : null}</Alert>
      <EmailField ref={emailRef} value={email} onChange={(e) => setEmail(e.target.value)} error={error ? t(error) : undefined} />
      <Button type="submit" loading={forgot.isPending} className="btn--block">
        {t('auth.forgot.submit')}
      </Button>
      <p className="form__footer">
        <Link to="/login">{t('auth.forgot.backToLogin')}</Link>
      </p>
    </form>
  );
}
