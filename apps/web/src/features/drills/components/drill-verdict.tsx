import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { answerFeedback, type AnswerKey, type QuestionResponse } from '@goprep/domain';
import { ReviewOptions } from '@/components/answer-input';
import { Badge } from '@/components/ui/badge';
import { Markdown } from '@/components/ui/markdown';
import type { DrillQuestion, ReviewResult } from '../types';
import { LeechNotice } from './leech-notice';

const STATUS_TONE: Record<string, 'easy' | 'medium' | 'hard' | 'neutral'> = {
  correct: 'easy',
  partial: 'medium',
  incorrect: 'hard',
  unanswered: 'hard',
  pending: 'neutral',
  'self-rated': 'neutral',
};

function keyOf(t: TFunction, question: DrillQuestion, result: ReviewResult): ReactNode {
  const key = result.key as unknown as AnswerKey;
  switch (key.type) {
    case 'true-false':
      return <p>{t(key.answer ? 'answer.true' : 'answer.false')}</p>;
    case 'numeric':
      return <p>{`${key.answer}${question.unit ? ` ${question.unit}` : ''}${key.tolerance ? ` (± ${key.tolerance})` : ''}`}</p>;
    case 'code-lines':
      return <p>{t('drills.verdict.lines', { lines: key.lines.join(', ') })}</p>;
    case 'code-output':
      return <pre className="review-pre">{key.outputs[0] ?? ''}</pre>;
    case 'short':
      return <p>{key.accepted.join(' · ')}</p>;
    case 'essay':
      return (
        <ul>
          {key.rubric.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      );
    case 'flashcard':
      return <Markdown source={key.answer} />;
    default:
      return null;
  }
}

/** The author's feedback for the numeric or short answer just given, when the key lists graded answers. */
function feedbackFor(result: ReviewResult, response: QuestionResponse | null): ReactNode {
  const feedback = response ? answerFeedback(result.key as unknown as AnswerKey, response) : undefined;
  return feedback ? (
    <p className="muted small" data-testid="answer-feedback">
      {feedback}
    </p>
  ) : null;
}

/** The verdict after checking: correctness, the key, the explanation. */
export function DrillVerdict({ question, result, response }: { question: DrillQuestion; result: ReviewResult; response: QuestionResponse | null }) {
  const { t } = useTranslation();
  const isChoice = (question.type === 'single' || question.type === 'multi') && result.options;
  return (
    <section className="drill-verdict" aria-labelledby="drill-verdict-title" data-testid="drill-verdict" data-status={result.status}>
      <h3 id="drill-verdict-title" className="drill-verdict__title">
        <Badge tone={STATUS_TONE[result.status] ?? 'neutral'}>{t(`drills.status.${result.status}`, { defaultValue: result.status })}</Badge>
      </h3>
      {result.leech ? <LeechNotice lapses={result.lapses} /> : null}
      {isChoice ? (
        <ReviewOptions options={result.options ?? []} response={response} />
      ) : (
        <div className="review-answer" data-testid="answer-key">
          <p className="review-answer__label">{t('drills.verdict.key')}</p>
          {keyOf(t, question, result)}
          {feedbackFor(result, response)}
        </div>
      )}
      <div className="review-explanation" data-testid="explanation">
        <p className="review-answer__label">{t('drills.verdict.explanation')}</p>
        <Markdown source={result.explanation} />
      </div>
    </section>
  );
}
