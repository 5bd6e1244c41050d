import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { User } from '@/lib/auth';
import { useLogin } from '../api/login';
import { authErrorMessage } from '../utils/error-message';
import { validateEmail } from '../utils/validation';
import { EmailField } from './email-field';

type Errors = { email?: string | undefined; password?: string | undefined };

export function LoginForm({ onSuccess, registerHref }: { onSuccess: (user: User) => void; registerHref: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const loginMutation = useLogin({ onSuccess });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {
      email: validateEmail(email),
      password: password ? undefined : 'validation.passwordRequired',
    };
    setErrors(next);
    if (next.email) return emailRef.current?.focus();
    if (next.password) return passwordRef.current?.focus();
    loginMutation.mutate({ email: email.trim(), password });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('auth.login.title')}>
      <Alert>{loginMutation.isError ? authErrorMessage(loginMutation.error, t) : null}</Alert>
      <EmailField ref={emailRef} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email ? t(errors.email) : undefined} />
      <TextField
        ref={passwordRef}
        label={t('fields.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password ? t(errors.password) : undefined}
      />
      <p className="form__aside">
        <Link to="/forgot-password">{t('auth.login.forgot')}</Link>
      </p>
      <Button type="submit" loading={loginMutation.isPending} className="btn--block">
        {t('auth.login.submit')}
      </Button>
      <p className="form__footer">
        {t('auth.login.noAccount')} <Link to={registerHref}>{t('auth.login.registerLink')}</Link>
      </p>
    </form>
  );
}
