import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@goprep/domain';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import type { User } from '@/lib/auth';
import { useRegister } from '../api/register';
import { authErrorMessage } from '../utils/error-message';
import { DISPLAY_NAME_MAX, validateDisplayName, validateEmail, validateNewPassword } from '../utils/validation';
import { EmailField } from './email-field';

type Field = 'displayName' | 'email' | 'password';
type Errors = Partial<Record<Field, string | undefined>>;

export function RegisterForm({ onSuccess, loginHref }: { onSuccess: (user: User) => void; loginHref: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const registerMutation = useRegister({ onSuccess });

  // Server-side field errors (already human text) win over nothing, never over local ones.
  const serverFields: Errors = {};
  if (isApiError(registerMutation.error)) {
    for (const f of registerMutation.error.fields) {
      if (f.field === 'displayName' || f.field === 'email' || f.field === 'password') serverFields[f.field] = f.message;
    }
    if (registerMutation.error.code === 'EMAIL_TAKEN') serverFields.email = t('errors.emailTaken');
  }

  const validate = (v: typeof values): Errors => ({
    displayName: validateDisplayName(v.displayName),
    email: validateEmail(v.email),
    password: validateNewPassword(v.password),
  });

  const set = (field: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: e.target.value };
    setValues(next);
    // Re-check a field as it is edited only once it has shown an error, so typing is not nagged.
    if (errors[field]) setErrors({ ...errors, [field]: validate(next)[field] });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = validate(values);
    setErrors(next);
    const first = (['displayName', 'email', 'password'] as const).find((f) => next[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    registerMutation.mutate({
      displayName: values.displayName.trim(),
      email: values.email.trim(),
      password: values.password,
    });
  };

  const message = (field: Field) => {
    const local = errors[field];
    return local ? t(local, { min: PASSWORD_MIN_LENGTH, max: field === 'password' ? PASSWORD_MAX_LENGTH : DISPLAY_NAME_MAX }) : serverFields[field];
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('auth.register.title')}>
      <Alert>{registerMutation.isError ? authErrorMessage(registerMutation.error, t) : null}</Alert>
      <TextField
        ref={refs.displayName}
        label={t('fields.displayName')}
        name="displayName"
        autoComplete="nickname"
        required
        maxLength={DISPLAY_NAME_MAX * 2}
        value={values.displayName}
        onChange={set('displayName')}
        error={message('displayName')}
      />
      <EmailField ref={refs.email} value={values.email} onChange={set('email')} error={message('email')} />
      <TextField
        ref={refs.password}
        label={t('fields.password')}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={set('password')}
        hint={t('auth.register.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        error={message('password')}
      />
      <Button type="submit" loading={registerMutation.isPending} className="btn--block">
        {t('auth.register.submit')}
      </Button>
      <p className="form__footer">
        {t('auth.register.haveAccount')} <Link to={loginHref}>{t('auth.register.loginLink')}</Link>
      </p>
    </form>
  );
}
