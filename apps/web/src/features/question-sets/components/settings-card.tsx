import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { OVERDUE_POLICIES, REVIEW_POLICIES, SET_LANGUAGES, type OverduePolicy, type ReviewPolicy, type SetLanguage } from '../types';
import type { DraftForm, Problem } from '../utils/draft-form';
import { LIMITS_TEXT } from './items-editor';

type Props = { form: DraftForm; problems: Problem[]; readOnly: boolean; onChange: (patch: Partial<DraftForm>) => void };

/** Title, instructions, time limit, option shuffling, overdue and review policies. */
export function SettingsCard({ form, problems, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const err = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p ? t(`questionSets.errors.${p.message}`, LIMITS_TEXT) : undefined;
  };

  return (
    <Card aria-labelledby="qs-settings-title" data-testid="set-settings">
      <h2 id="qs-settings-title" className="card__title">
        {t('questionSets.settings.title')}
      </h2>
      <fieldset className="qs-settings" disabled={readOnly}>
        <TextField className="qs-span" label={t('questionSets.settings.name')} name="title" value={form.title} maxLength={200} error={err('title')} onChange={(e) => onChange({ title: e.target.value })} />
        <TextAreaField
          className="qs-span"
          label={t('questionSets.settings.instructions')}
          hint={t('questionSets.settings.instructionsHint')}
          name="instructions"
          rows={3}
          value={form.instructions}
          error={err('instructions')}
          onChange={(e) => onChange({ instructions: e.target.value })}
        />
        <TextField
          label={t('questionSets.settings.timeLimit')}
          name="timeLimitMinutes"
          inputMode="numeric"
          value={form.timeLimitMinutes}
          error={err('timeLimitMinutes')}
          onChange={(e) => onChange({ timeLimitMinutes: e.target.value })}
        />
        <SelectField
          label={t('questionSets.settings.overdue')}
          name="overduePolicy"
          value={form.overduePolicy}
          onChange={(e) => onChange({ overduePolicy: e.target.value as OverduePolicy })}
          options={OVERDUE_POLICIES.map((p) => ({ value: p, label: t(`questionSets.overdue.${p}`) }))}
        />
        {form.overduePolicy === 'grace-period' ? (
          <TextField label={t('questionSets.settings.grace')} name="graceMinutes" inputMode="numeric" value={form.graceMinutes} error={err('graceMinutes')} onChange={(e) => onChange({ graceMinutes: e.target.value })} />
        ) : null}
        <SelectField
          label={t('questionSets.settings.language')}
          name="language"
          value={form.language}
          onChange={(e) => onChange({ language: e.target.value as SetLanguage })}
          options={SET_LANGUAGES.map((l) => ({ value: l, label: t(`questionSets.language.${l}`) }))}
        />
        <label className="qs-check qs-check--field">
          <input type="checkbox" name="shuffleOptions" checked={form.shuffleOptions} onChange={(e) => onChange({ shuffleOptions: e.target.checked })} />
          {t('questionSets.settings.shuffle')}
        </label>
        <fieldset className="qs-review qs-span">
          <legend className="field__label">{t('questionSets.settings.review')}</legend>
          {REVIEW_POLICIES.map((p) => (
            <label key={p} className="qs-radio">
              <input type="radio" name="reviewPolicy" value={p} checked={form.reviewPolicy === p} onChange={() => onChange({ reviewPolicy: p as ReviewPolicy })} />
              <span>
                <strong>{t(`questionSets.review.${p}`)}</strong>
                <span className="muted small"> — {t(`questionSets.review.${p}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </fieldset>
    </Card>
  );
}
