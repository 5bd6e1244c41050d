import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { errorsFor, LINE_CHECKS, type FieldErrors, type FormState, type LineCheck } from '../utils/form-state';
import { GoCodeField } from './go-code-field';
import { MatchingPairsFields, OrderingItemsFields } from './structured-key-fields';

type Props = {
  form: FormState;
  set: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
};

const MAX_OPTIONS = 8;
const letter = (i: number) => String.fromCharCode(65 + i);

function GroupError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field__error">
      {message}
    </p>
  ) : null;
}

function ChoiceOptions({ form, set, errors }: Props) {
  const { t } = useTranslation();
  const groupId = useId();
  const single = form.type === 'single';
  const update = (index: number, patch: Partial<FormState['options'][number]>) =>
    set({
      options: form.options.map((o, i) => {
        if (i === index) return { ...o, ...patch };
        // A single-choice question has exactly one correct option: picking one clears the others.
        return single && patch.correct ? { ...o, correct: false } : o;
      }),
    });
  const groupError = errors.filter((e) => e.field === 'options').map((e) => e.message).join(' · ') || undefined;

  return (
    <fieldset className="oq-fieldset" aria-describedby={groupError ? `${groupId}-error` : undefined} data-testid="options">
      <legend className="field__label">{t('orgQuestions.form.options')}</legend>
      <p className="field__hint">{t(single ? 'orgQuestions.form.optionsHintSingle' : 'orgQuestions.form.optionsHintMulti')}</p>
      <ol className="oq-options">
        {form.options.map((option, i) => (
          <li key={i} className="oq-option">
            <div className="oq-option__row">
              <TextField
                label={t('orgQuestions.form.option', { letter: letter(i) })}
                name={`options.${i}.text`}
                value={option.text}
                onChange={(e) => update(i, { text: e.target.value })}
                error={errorsFor(errors, `options.${i}.text`, `options.${i}.id`)}
              />
              <label className="oq-check">
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={single ? `${groupId}-correct` : `options.${i}.correct`}
                  checked={option.correct}
                  onChange={(e) => update(i, { correct: e.target.checked })}
                />
                {t('orgQuestions.form.optionCorrect')}
              </label>
              <Button
                variant="ghost"
                size="sm"
                className="oq-option__remove"
                disabled={form.options.length <= 2}
                aria-label={t('orgQuestions.form.removeOption', { letter: letter(i) })}
                onClick={() => set({ options: form.options.filter((_, j) => j !== i) })}
              >
                ✕
              </Button>
            </div>
            <TextField
              label={t('orgQuestions.form.optionFeedback', { letter: letter(i) })}
              name={`options.${i}.feedback`}
              value={option.feedback}
              onChange={(e) => update(i, { feedback: e.target.value })}
              error={errorsFor(errors, `options.${i}.feedback`)}
            />
          </li>
        ))}
      </ol>
      <GroupError id={`${groupId}-error`} message={groupError} />
      <Button
        variant="secondary"
        size="sm"
        disabled={form.options.length >= MAX_OPTIONS}
        onClick={() => set({ options: [...form.options, { text: '', correct: false, feedback: '' }] })}
      >
        {t('orgQuestions.form.addOption')}
      </Button>
    </fieldset>
  );
}

function TrueFalse({ form, set, errors }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const error = errorsFor(errors, 'answer');
  return (
    <fieldset className="oq-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="field__label">{t('orgQuestions.form.trueFalseAnswer')}</legend>
      <div className="oq-radios">
        {[true, false].map((value) => (
          <label key={String(value)} className="oq-check">
            <input type="radio" name={name} checked={form.trueFalse === value} onChange={() => set({ trueFalse: value })} />
            {t(value ? 'orgQuestions.form.true' : 'orgQuestions.form.false')}
          </label>
        ))}
      </div>
      <GroupError id={`${name}-error`} message={error} />
    </fieldset>
  );
}

function parseLines(text: string): number[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
}

/** Typed line numbers, kept in sync with clicks in the preview without fighting the cursor. */
function LinesField({ lines, onChange, error }: { lines: number[]; onChange: (lines: number[]) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState(lines.join(', '));
  const [shown, setShown] = useState(lines);
  if (shown !== lines) {
    // The selection changed outside this field (a click in the preview): show it.
    setShown(lines);
    if (parseLines(text).join(',') !== lines.join(',')) setText(lines.join(', '));
  }
  return (
    <TextField
      label={t('orgQuestions.form.lines')}
      hint={t('orgQuestions.form.linesHint')}
      name="lines"
      inputMode="numeric"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseLines(e.target.value));
      }}
      error={error}
    />
  );
}

/** The fields of the answer key for the chosen type (and the program, for code questions). */
export function AnswerKeyFields(props: Props) {
  const { form, set, errors } = props;
  const { t } = useTranslation();
  switch (form.type) {
    case 'single':
    case 'multi':
      return <ChoiceOptions {...props} />;
    case 'true-false':
      return <TrueFalse {...props} />;
    case 'short':
      return (
        <>
          <TextAreaField
            label={t('orgQuestions.form.accepted')}
            hint={t('orgQuestions.form.acceptedHint')}
            name="accepted"
            rows={3}
            value={form.accepted}
            onChange={(e) => set({ accepted: e.target.value })}
            error={errorsFor(errors, 'accepted')}
          />
          <label className="oq-check">
            <input type="checkbox" checked={form.caseSensitive} onChange={(e) => set({ caseSensitive: e.target.checked })} />
            {t('orgQuestions.form.caseSensitive')}
          </label>
          <TextField
            label={t('orgQuestions.form.pattern')}
            hint={t('orgQuestions.form.patternHint')}
            name="pattern"
            className="mono"
            value={form.pattern}
            onChange={(e) => set({ pattern: e.target.value })}
            error={errorsFor(errors, 'pattern', 'case_sensitive')}
          />
        </>
      );
    case 'numeric':
      return (
        <div className="oq-grid">
          <TextField
            label={t('orgQuestions.form.numericAnswer')}
            name="answer"
            inputMode="decimal"
            value={form.numericAnswer}
            onChange={(e) => set({ numericAnswer: e.target.value })}
            error={errorsFor(errors, 'answer')}
          />
          <TextField
            label={t('orgQuestions.form.tolerance')}
            name="tolerance"
            inputMode="decimal"
            value={form.tolerance}
            onChange={(e) => set({ tolerance: e.target.value })}
            error={errorsFor(errors, 'tolerance')}
          />
          <TextField
            label={t('orgQuestions.form.unit')}
            name="unit"
            value={form.unit}
            onChange={(e) => set({ unit: e.target.value })}
            error={errorsFor(errors, 'unit')}
          />
        </div>
      );
    case 'code-output':
      return (
        <>
          <GoCodeField label={t('orgQuestions.form.code')} value={form.code} onChange={(code) => set({ code })} error={errorsFor(errors, 'code')} />
          <fieldset className="oq-fieldset">
            <legend className="field__label">{t('orgQuestions.form.outputs')}</legend>
            <p className="field__hint">{t('orgQuestions.form.outputsHint')}</p>
            {form.outputs.map((output, i) => (
              <div key={i} className="oq-output">
                <TextAreaField
                  label={t('orgQuestions.form.outputN', { n: i + 1 })}
                  name={`outputs.${i}`}
                  className="oq-output__field"
                  rows={Math.max(2, output.split('\n').length)}
                  spellCheck={false}
                  value={output}
                  onChange={(e) => set({ outputs: form.outputs.map((o, j) => (j === i ? e.target.value : o)) })}
                  error={errorsFor(errors, `outputs.${i}`)}
                />
                {form.outputs.length > 1 ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('orgQuestions.form.removeOutput', { n: i + 1 })}
                    onClick={() => set({ outputs: form.outputs.filter((_, j) => j !== i) })}
                  >
                    ✕
                  </Button>
                ) : null}
              </div>
            ))}
            <GroupError id="outputs-error" message={errors.filter((e) => e.field === 'outputs' || e.field.startsWith('verify')).map((e) => e.message).join(' · ') || undefined} />
            <Button variant="secondary" size="sm" onClick={() => set({ outputs: [...form.outputs, ''] })}>
              {t('orgQuestions.form.addOutput')}
            </Button>
          </fieldset>
        </>
      );
    case 'code-lines':
      return (
        <>
          <GoCodeField
            label={t('orgQuestions.form.code')}
            value={form.code}
            onChange={(code) => set({ code })}
            error={errorsFor(errors, 'code')}
            selectable
            selectedLines={form.lines}
            onSelectedLinesChange={(lines) => set({ lines })}
          />
          <div className="oq-grid">
            <LinesField lines={form.lines} onChange={(lines) => set({ lines })} error={errorsFor(errors, 'lines', 'verify')} />
            <SelectField
              label={t('orgQuestions.form.lineCheck')}
              name="lineCheck"
              value={form.lineCheck}
              onChange={(e) => set({ lineCheck: e.target.value as LineCheck })}
              options={LINE_CHECKS.map((kind) => ({ value: kind, label: t(`orgQuestions.form.lineChecks.${kind}`) }))}
            />
          </div>
        </>
      );
    case 'essay':
      return (
        <TextAreaField
          label={t('orgQuestions.form.rubric')}
          hint={t('orgQuestions.form.rubricHint')}
          name="rubric"
          rows={4}
          value={form.rubric}
          onChange={(e) => set({ rubric: e.target.value })}
          error={errorsFor(errors, 'rubric')}
        />
      );
    case 'ordering':
      return <OrderingItemsFields {...props} />;
    case 'matching':
      return <MatchingPairsFields {...props} />;
    case 'flashcard':
      return (
        <TextAreaField
          label={t('orgQuestions.form.cardAnswer')}
          name="answer"
          rows={4}
          value={form.cardAnswer}
          onChange={(e) => set({ cardAnswer: e.target.value })}
          error={errorsFor(errors, 'answer')}
        />
      );
  }
}
