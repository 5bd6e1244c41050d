import { useTranslation } from 'react-i18next';
import { optionLabel, type QuestionResponse } from '@goprep/domain';
import { Badge } from '@/components/ui/badge';
import { Markdown } from '@/components/ui/markdown';

export interface RevealedOption {
  id: string;
  text: string;
  correct: boolean;
  feedback?: string;
}

/** The choices the learner picked, from a choice response (none for other types). */
export function pickedChoices(response: QuestionResponse | null): string[] {
  if (response?.type === 'multi') return response.choices;
  if (response?.type === 'single') return [response.choice];
  return [];
}

/**
 * A choice question's options once the key may be shown (quiz result, drill verdict): the correct
 * ones and the learner's picks marked, with the feedback of each pick.
 */
export function ReviewOptions({
  options,
  response,
  pickLabel,
}: {
  /** In the order they were shown: each is lettered by its place, as when it was answered. */
  options: readonly RevealedOption[];
  response: QuestionResponse | null;
  /** The badge on a picked option; "Your pick" by default (a manager's report says whose). */
  pickLabel?: string;
}) {
  const { t } = useTranslation();
  const picked = pickedChoices(response);
  return (
    <ul className="review-options">
      {options.map((o, index) => (
        <li
          key={o.id}
          data-testid="review-option"
          data-option-id={o.id}
          className={['review-option', o.correct ? 'review-option--correct' : '', picked.includes(o.id) ? 'review-option--picked' : ''].filter(Boolean).join(' ')}
        >
          <span className="review-option__body">
            <span className="quiz-option__key" data-testid="option-label">
              {optionLabel(index)}
            </span>
            <Markdown source={o.text} />
          </span>
          <span className="review-option__marks">
            {picked.includes(o.id) ? <Badge tone="accent">{pickLabel ?? t('answer.yourPick')}</Badge> : null}
            {o.correct ? <Badge tone="easy">{t('answer.correctOption')}</Badge> : null}
          </span>
          {o.feedback && picked.includes(o.id) ? <p className="muted small">{o.feedback}</p> : null}
        </li>
      ))}
    </ul>
  );
}
