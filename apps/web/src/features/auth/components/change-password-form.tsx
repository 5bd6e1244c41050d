import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@goprep/domain';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useChangePassword } from '../api/change-password';
import { authErrorMessage } from '../utils/error-message';
import { validateNewPassword } from '../utils/validation';

type Errors = { current?: string | undefined; next?: string | undefined };

/** Account → Password: the current password, a new one; other sessions are logged out by the API. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const change = useChangePassword();
  const wrongCurrent = isApiError(change.error, 'INVALID_CREDENTIALS');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = { current: current ? undefined : 'validation.passwordRequired', next: validateNewPassword(next) };
    setErrors(found);
    if (found.current) return currentRef.current?.focus();
    if (found.next) return nextRef.current?.focus();
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
        onError: (error) => {
          if (isApiError(error, 'INVALID_CREDENTIALS')) currentRef.current?.focus();
        },
      },
    );
  };

  return (
    <Card aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="card__title">
        {t('account.password.title')}
      </h2>
      <p className="muted">{t('account.password.lead')}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="change-password-form">
        <TextField
          ref={currentRef}
          label={t('account.password.current')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value);
            change.reset();
          }}
          error={errors.current ? t(errors.current) : wrongCurrent ? t('account.password.wrongCurrent') : undefined}
        />
        <TextField
          ref={nextRef}
          label={t('account.password.new')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => {
            setNext(e.target.value);
            change.reset();
          }}
          hint={t('auth.register.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
          error={errors.next ? t(errors.next, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : undefined}
        />
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </div>
        {change.isSuccess ? <p role="status">{t('account.password.changed')}</p> : null}
        {change.isError && !wrongCurrent ? <Alert>{authErrorMessage(change.error, t)}</Alert> : null}
      </form>
    </Card>
  );
}
