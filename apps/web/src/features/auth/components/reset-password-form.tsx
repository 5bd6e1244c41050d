import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@goprep/domain';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useResetPassword } from '../api/reset-password';
import { authErrorMessage } from '../utils/error-message';
import { validateNewPassword } from '../utils/validation';

/** Chooses a new password with the token of a reset link (read from the URL fragment by the route). */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  const reset = useResetPassword();

  if (!token) return <Alert>{t('auth.reset.noToken')}</Alert>;
  if (reset.isSuccess) {
    return (
      <div className="stack">
        <p role="status">{t('auth.reset.done')}</p>
        <p>
          <Link to="/login">{t('auth.login.submit')}</Link>
        </p>
      </div>
    );
  }
  const invalid = isApiError(reset.error, 'PASSWORD_RESET_INVALID');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = validateNewPassword(password);
    setError(problem);
    if (problem) return ref.current?.focus();
    reset.mutate({ token, newPassword: password });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('auth.reset.title')}>
      <Alert>{invalid ? t('auth.reset.invalid') : reset.isError ? authErrorMessage(reset.error, t) : null}</Alert>
      {invalid ? (
        <p>
          <Link to="/forgot-password">{t('auth.reset.askAgain')}</Link>
        </p>
      ) : null}
      <TextField
        ref={ref}
        label={t('account.password.new')}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint={t('auth.register.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        error={error ? t(error, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : undefined}
      />
      <Button type="submit" loading={reset.isPending} className="btn--block">
        {t('auth.reset.submit')}
      </Button>
    </form>
  );
}
