import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateInvites } from '../api/create-invites';
import type { InviteCreated } from '../types';
import { checkInviteForm, defaultExpiry } from '../utils/invite-form';

const MAX_FILE_BYTES = 1_000_000;

/** One or many invites: paste "name, email" lines or load a CSV; every bad line is listed before anything is sent. */
export function CreateInvitesForm({ orgId, setId, onCreated }: { orgId: string; setId: string; onCreated: (invites: InviteCreated[]) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [locale, setLocale] = useState<'en' | 'zh-CN'>(() => (i18n.language === 'zh-CN' ? 'zh-CN' : 'en'));
  const [expiry, setExpiry] = useState(() => defaultExpiry(new Date()));
  const [attempts, setAttempts] = useState('1');
  const [touched, setTouched] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const create = useCreateInvites(orgId, setId);

  const check = useMemo(() => checkInviteForm({ text, expiry, attempts }, new Date()), [text, expiry, attempts]);
  const show = touched || text.trim() !== '';

  const onFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('invites.form.fileTooLarge'));
      return;
    }
    setText(await file.text());
    setTouched(true);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (check.problems.length > 0 || !check.expiresAt) return;
    create.mutate(
      {
        invitees: check.parsed.invitees.map((i) => ({ name: i.name, email: i.email })),
        expiresAt: check.expiresAt,
        attemptsAllowed: Number(attempts),
        locale,
      },
      {
        onSuccess: (created) => {
          setText('');
          setTouched(false);
          onCreated(created);
        },
      },
    );
  };

  const serverError = create.isError
    ? isApiError(create.error)
      ? [create.error.message, ...create.error.fields.map((f) => `${f.field}: ${f.message}`)].join(' · ')
      : t('errors.network')
    : null;
  const count = check.parsed.invitees.length;

  return (
    <form className="form invites-form" onSubmit={onSubmit} noValidate aria-label={t('invites.form.title')} data-testid="create-invites">
      <TextAreaField
        label={t('invites.form.people')}
        hint={t('invites.form.peopleHint')}
        rows={5}
        value={text}
        placeholder={'Ada Lovelace, ada@example.com\nAlan Turing, alan@example.org'}
        onChange={(e) => setText(e.target.value)}
        error={show && check.problems.includes('no-invitees') ? t('invites.form.noInvitees') : undefined}
        data-testid="invitees-text"
      />
      <div className="field">
        <label className="field__label" htmlFor="invites-csv">
          {t('invites.form.csv')}
        </label>
        <input id="invites-csv" type="file" accept=".csv,text/csv,text/plain" className="input" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="invitees-file" />
        {fileError ? <p className="field__error">{fileError}</p> : <p className="field__hint">{t('invites.form.csvHint')}</p>}
      </div>
      {show && check.parsed.errors.length > 0 ? (
        <div className="alert alert--error" role="alert" data-testid="line-errors">
          <p>{t('invites.form.lineErrors', { count: check.parsed.errors.length })}</p>
          <ul>
            {check.parsed.errors.map((err) => (
              <li key={`${err.line}-${err.code}`}>{t('invites.form.lineError', { line: err.line, message: t(`invites.parse.${err.code}`) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="invites-form__row">
        <TextField
          label={t('invites.form.expiry')}
          type="datetime-local"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={show && check.problems.includes('bad-expiry') ? t('invites.form.badExpiry') : show && check.problems.includes('past-expiry') ? t('invites.form.pastExpiry') : undefined}
          data-testid="invite-expiry"
        />
        <TextField
          label={t('invites.form.attempts')}
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          value={attempts}
          onChange={(e) => setAttempts(e.target.value)}
          error={show && check.problems.includes('bad-attempts') ? t('invites.form.badAttempts') : undefined}
          data-testid="invite-attempts"
        />
        <SelectField
          label={t('invites.form.locale')}
          value={locale}
          onChange={(e) => setLocale(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'zh-CN', label: '简体中文' },
          ]}
        />
      </div>
      <Alert>{serverError}</Alert>
      <div className="actions">
        <Button type="submit" loading={create.isPending} data-testid="create-invites-submit">
          {count > 0 ? t('invites.form.submitCount', { count }) : t('invites.form.submit')}
        </Button>
      </div>
    </form>
  );
}
