import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResponse } from '@goprep/domain';
import { Markdown } from '@/components/ui/markdown';
import type { DeliveryItem } from '../types';
import { parseNumber, toggleChoice } from '@/lib/responses';

export const TEXT_DEBOUNCE_MS = 800;

type Props = {
  item: DeliveryItem;
  response: QuestionResponse | null;
  /** debounceMs > 0 for typing, so a save waits for a pause. */
  onChange: (response: QuestionResponse | null, debounceMs?: number) => void;
};

function ChoiceList({ item, response, onChange }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const multi = item.type === 'multi';
  const options = item.options ?? [];
  const order = options.map((o) => o.id);
  const chosen = response?.type === 'multi' ? response.choices : response?.type === 'single' ? [response.choice] : [];
  return (
    <fieldset className="quiz-options">
      <legend className="visually-hidden">{t(multi ? 'quiz.runner.pickAll' : 'quiz.runner.pickOne')}</legend>
      {multi ? <p className="muted small">{t('quiz.runner.pickAll')}</p> : null}
      {options.map((option, index) => {
        const checked = chosen.includes(option.id);
        return (
          <label key={option.id} className={['quiz-option', checked ? 'quiz-option--checked' : ''].filter(Boolean).join(' ')}>
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={name}
              value={option.id}
              checked={checked}
              data-testid={`option-${index + 1}`}
              onChange={() =>
                onChange(
                  multi
                    ? { type: 'multi', choices: toggleChoice(chosen, option.id, order) }
                    : { type: 'single', choice: option.id },
                )
              }
            />
            <span className="quiz-option__key" aria-hidden="true">
              {index + 1}
            </span>
            <Markdown source={option.text} className="quiz-option__text" />
          </label>
        );
      })}
    </fieldset>
  );
}

function TrueFalse({ response, onChange }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const value = response?.type === 'true-false' ? response.value : undefined;
  return (
    <fieldset className="quiz-options">
      <legend className="visually-hidden">{t('quiz.runner.pickOne')}</legend>
      {[true, false].map((v, index) => (
        <label key={String(v)} className={['quiz-option', value === v ? 'quiz-option--checked' : ''].filter(Boolean).join(' ')}>
          <input
            type="radio"
            name={name}
            checked={value === v}
            data-testid={`option-${index + 1}`}
            onChange={() => onChange({ type: 'true-false', value: v })}
          />
          <span className="quiz-option__key" aria-hidden="true">
            {index + 1}
          </span>
          <span>{t(v ? 'quiz.answer.true' : 'quiz.answer.false')}</span>
        </label>
      ))}
    </fieldset>
  );
}

function TextAnswer({ item, response, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const kind = item.type as 'short' | 'code-output' | 'essay';
  const text = response && 'text' in response ? response.text : '';
  const update = (value: string) => onChange(value === '' ? null : { type: kind, text: value }, TEXT_DEBOUNCE_MS);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t(`quiz.answer.label.${kind}`)}
      </label>
      {kind === 'short' ? (
        <input id={id} className="input" value={text} onChange={(e) => update(e.target.value)} data-testid="answer-text" autoComplete="off" />
      ) : (
        <textarea
          id={id}
          className={['input', 'textarea', kind === 'code-output' ? 'mono quiz-output' : ''].filter(Boolean).join(' ')}
          rows={kind === 'essay' ? 10 : 6}
          value={text}
          spellCheck={kind === 'essay'}
          onChange={(e) => update(e.target.value)}
          data-testid="answer-text"
        />
      )}
      {kind === 'code-output' ? <p className="field__hint">{t('quiz.answer.outputHint')}</p> : null}
    </div>
  );
}

function NumericAnswer({ item, response, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  // The text as typed ("1." on the way to "1.5"); the parent remounts this per item.
  const [text, setText] = useState(response?.type === 'numeric' ? String(response.value) : '');
  const parsed = parseNumber(text);
  const invalid = parsed !== undefined && Number.isNaN(parsed);
  return (
    <div className={['field', invalid ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {t('quiz.answer.label.numeric')}
      </label>
      <div className="quiz-number">
        <input
          id={id}
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          data-testid="answer-number"
          onChange={(e) => {
            setText(e.target.value);
            const value = parseNumber(e.target.value);
            if (value === undefined) onChange(null, TEXT_DEBOUNCE_MS);
            else if (!Number.isNaN(value)) onChange({ type: 'numeric', value }, TEXT_DEBOUNCE_MS);
          }}
        />
        {item.unit ? <span className="quiz-number__unit">{item.unit}</span> : null}
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {t('quiz.answer.notANumber')}
        </p>
      ) : null}
    </div>
  );
}

/** The answering widget for an item's type. Code-lines answers are given in the CodeViewer above it. */
export function AnswerInput(props: Props) {
  const { t } = useTranslation();
  switch (props.item.type) {
    case 'single':
    case 'multi':
      return <ChoiceList {...props} />;
    case 'true-false':
      return <TrueFalse {...props} />;
    case 'short':
    case 'code-output':
    case 'essay':
      return <TextAnswer {...props} />;
    case 'numeric':
      return <NumericAnswer {...props} />;
    case 'code-lines':
      // Answered in the CodeViewer above, which shows and announces the selection itself.
      return null;
    default:
      return <p className="muted">{t('quiz.answer.unsupported')}</p>;
  }
}
