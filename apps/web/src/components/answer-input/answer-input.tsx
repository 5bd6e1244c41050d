import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel, type QuestionResponse } from '@goprep/domain';
import { Markdown } from '@/components/ui/markdown';
import { parseNumber, toggleChoice } from '@/lib/responses';
import { MatchingAnswer, OrderingAnswer } from './structured-answer';

/** Typing reports its changes with this debounce, so an autosave can wait for a pause. */
export const TEXT_DEBOUNCE_MS = 800;

/** What a widget needs of a question: never its key. */
export interface AnswerQuestion {
  type: string;
  options?: { id: string; text: string }[];
  /** Matching: the left-hand items (`options` are the right-hand choices). */
  matchItems?: { id: string; text: string }[];
  unit?: string;
}

type Props = {
  question: AnswerQuestion;
  response: QuestionResponse | null;
  /** debounceMs > 0 for typing, so a save waits for a pause. */
  onChange: (response: QuestionResponse | null, debounceMs?: number) => void;
  disabled?: boolean;
  /** Shown under text answers; by default the code-output hint. */
  textHint?: string;
};

function ChoiceList({ question, response, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const multi = question.type === 'multi';
  const options = question.options ?? [];
  const order = options.map((o) => o.id);
  const chosen = response?.type === 'multi' ? response.choices : response?.type === 'single' ? [response.choice] : [];
  return (
    <fieldset className="quiz-options" disabled={disabled}>
      <legend className="visually-hidden">{t(multi ? 'answer.pickAll' : 'answer.pickOne')}</legend>
      {multi ? <p className="muted small">{t('answer.pickAll')}</p> : null}
      {options.map((option, index) => {
        const checked = chosen.includes(option.id);
        return (
          <label
            key={option.id}
            className={['quiz-option', checked ? 'quiz-option--checked' : ''].filter(Boolean).join(' ')}
          >
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
            {/* The letter every screen uses for this option (explanations name it so); read aloud too. */}
            <span className="quiz-option__key" data-testid="option-label">
              {optionLabel(index)}
            </span>
            <Markdown source={option.text} className="quiz-option__text" />
          </label>
        );
      })}
    </fieldset>
  );
}

function TrueFalse({ response, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const value = response?.type === 'true-false' ? response.value : undefined;
  return (
    <fieldset className="quiz-options" disabled={disabled}>
      <legend className="visually-hidden">{t('answer.pickOne')}</legend>
      {[true, false].map((v, index) => (
        <label
          key={String(v)}
          className={['quiz-option', value === v ? 'quiz-option--checked' : ''].filter(Boolean).join(' ')}
        >
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
          <span>{t(v ? 'answer.true' : 'answer.false')}</span>
        </label>
      ))}
    </fieldset>
  );
}

function TextAnswer({ question, response, onChange, disabled, textHint }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const kind = question.type as 'short' | 'code-output' | 'essay';
  const text = response && 'text' in response ? response.text : '';
  const update = (value: string) => onChange(value === '' ? null : { type: kind, text: value }, TEXT_DEBOUNCE_MS);
  const hint = textHint ?? (kind === 'code-output' ? t('answer.outputHint') : undefined);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t(`answer.label.${kind}`)}
      </label>
      {kind === 'short' ? (
        <input
          id={id}
          className="input"
          value={text}
          disabled={disabled}
          onChange={(e) => update(e.target.value)}
          data-testid="answer-text"
          data-autofocus
          autoComplete="off"
        />
      ) : (
        <textarea
          id={id}
          className={['input', 'textarea', kind === 'code-output' ? 'mono quiz-output' : ''].filter(Boolean).join(' ')}
          rows={kind === 'essay' ? 10 : 6}
          value={text}
          disabled={disabled}
          spellCheck={kind === 'essay'}
          onChange={(e) => update(e.target.value)}
          data-testid="answer-text"
          data-autofocus
        />
      )}
      {hint ? <p className="field__hint">{hint}</p> : null}
    </div>
  );
}

function NumericAnswer({ question, response, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  // The text as typed ("1." on the way to "1.5"); the parent remounts this per item.
  const [text, setText] = useState(response?.type === 'numeric' ? String(response.value) : '');
  const parsed = parseNumber(text);
  const invalid = parsed !== undefined && Number.isNaN(parsed);
  return (
    <div className={['field', invalid ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {t('answer.label.numeric')}
      </label>
      <div className="quiz-number">
        <input
          id={id}
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          data-testid="answer-number"
          data-autofocus
          onChange={(e) => {
            setText(e.target.value);
            const value = parseNumber(e.target.value);
            if (value === undefined) onChange(null, TEXT_DEBOUNCE_MS);
            else if (!Number.isNaN(value)) onChange({ type: 'numeric', value }, TEXT_DEBOUNCE_MS);
          }}
        />
        {question.unit ? <span className="quiz-number__unit">{question.unit}</span> : null}
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {t('answer.notANumber')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The answering widget for a question's type, shared by the quiz runner and the drills. Code-lines
 * answers are given in the CodeViewer beside it; flashcards are recalled, not typed.
 */
export function AnswerInput(props: Props) {
  const { t } = useTranslation();
  switch (props.question.type) {
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
    case 'ordering':
      return <OrderingAnswer items={props.question.options ?? []} response={props.response} onChange={props.onChange} {...(props.disabled !== undefined ? { disabled: props.disabled } : {})} />;
    case 'matching':
      return (
        <MatchingAnswer
          left={props.question.matchItems ?? []}
          choices={props.question.options ?? []}
          response={props.response}
          onChange={props.onChange}
          {...(props.disabled !== undefined ? { disabled: props.disabled } : {})}
        />
      );
    case 'code-lines':
    case 'flashcard':
    case 'code-task':
      // Code-lines: answered in the CodeViewer, which shows and announces the selection itself.
      // Code tasks: written in the CodeTaskInput, which needs the task's files and the attempt item.
      return null;
    default:
      return <p className="muted">{t('answer.unsupported')}</p>;
  }
}
