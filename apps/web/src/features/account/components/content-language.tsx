import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import type { User } from '@/lib/auth';
import { useUpdateSettings, type ContentLanguage } from '../api/update-settings';

const CHOICES: readonly ContentLanguage[] = ['follow-ui', 'en', 'zh-CN'];

/** The language questions are delivered in, separate from the interface language. */
export function ContentLanguageCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ContentLanguage>(user.contentLanguage);
  const update = useUpdateSettings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ contentLanguage: value });
  };
  return (
    <Card aria-labelledby="content-language-title">
      <h2 id="content-language-title" className="card__title">
        {t('account.contentLanguage.title')}
      </h2>
      <p className="muted">{t('account.contentLanguage.lead')}</p>
      <form className="stack" onSubmit={submit} data-testid="content-language-form">
        <SelectField
          label={t('account.contentLanguage.label')}
          name="contentLanguage"
          value={value}
          onChange={(e) => {
            setValue(e.target.value as ContentLanguage);
            update.reset();
          }}
          options={CHOICES.map((choice) => ({ value: choice, label: t(`account.contentLanguage.options.${choice}`) }))}
        />
        <div>
          <Button type="submit" disabled={update.isPending}>
            {t('account.contentLanguage.save')}
          </Button>
        </div>
        {update.isSuccess ? <p role="status">{t('account.contentLanguage.saved')}</p> : null}
        {update.error ? <Alert>{update.error.message}</Alert> : null}
      </form>
    </Card>
  );
}
