import { useTranslation } from 'react-i18next';
import { CodeTaskReview, codeFilesOf } from '@/components/code-task';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { keyText, responseText } from '@/lib/answer-text';
import { useCandidateReview } from '../api/get-review';
import type { CandidateReview, CandidateStatus } from '../types';

const TONE: Record<string, 'easy' | 'medium' | 'hard' | 'neutral'> = {
  correct: 'easy',
  partial: 'medium',
  incorrect: 'hard',
  unanswered: 'hard',
  pending: 'neutral',
};

/** What ItemHead shows, common to both review shapes. */
type ItemSummary = Pick<NonNullable<CandidateReview['items']>[number], 'position' | 'title' | 'status' | 'score' | 'points'>;

const pointsText = (score: number | null, points: number) => (score === null ? `– / ${points}` : `${Math.round(score * 100) / 100} / ${points}`);

function Score({ review }: { review: CandidateReview }) {
  const { t } = useTranslation();
  const result = review.attempt.result;
  if (!result) return null;
  return (
    <div data-testid="candidate-score">
      <p className="take-score">{result.percent === null ? '–' : `${Math.round(result.percent)}%`}</p>
      <p className="muted">{t('candidate.review.points', { score: Math.round(result.score * 100) / 100, max: result.maxScore })}</p>
      {result.pending > 0 ? <p className="muted small">{t('candidate.review.pending', { count: result.pending })}</p> : null}
    </div>
  );
}

/** Title, status and points of one reviewed item (the same in the full review and the correctness list). */
function ItemHead({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  return (
    <div className="take-review-item__head">
      <strong>
        {item.position}. {item.title}
      </strong>
      <span>
        <Badge tone={TONE[item.status] ?? 'neutral'}>{t(`candidate.review.status.${item.status}`, { defaultValue: item.status })}</Badge>{' '}
        <span className="muted small">{pointsText(item.score, item.points)}</span>
      </span>
    </div>
  );
}

function Outcomes({ review }: { review: CandidateReview }) {
  const { t } = useTranslation();
  const labels = { yes: t('answer.true'), no: t('answer.false'), lines: (l: string) => t('candidate.review.lines', { lines: l }) };
  if (review.full) {
    return (
      <ol className="take-review-list" data-testid="candidate-full-review">
        {review.full.map((item) => (
          <li key={item.position} className="take-review-item" data-testid="candidate-review-item" data-status={item.status}>
            <ItemHead item={item} />
            {item.type === 'code-task' ? (
              <CodeTaskReview id={`take-${item.position}`} files={codeFilesOf(item.response)} judge={item.judge} />
            ) : (
              <div className="take-review-answers">
                <div>
                  <p className="muted small">{t('candidate.review.yourAnswer')}</p>
                  <pre className="review-pre">{responseText(item, labels) ?? t('candidate.review.status.unanswered')}</pre>
                </div>
                {keyText(item, labels) ? (
                  <div>
                    <p className="muted small">{t('candidate.review.key')}</p>
                    <pre className="review-pre">{keyText(item, labels)}</pre>
                  </div>
                ) : null}
              </div>
            )}
            {item.explanation ? (
              <div>
                <p className="muted small">{t('candidate.review.explanation')}</p>
                <Markdown source={item.explanation} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    );
  }
  if (!review.items) return null;
  return (
    <ol className="take-review-list" data-testid="candidate-correctness">
      {review.items.map((item) => (
        <li key={item.position} className="take-review-item" data-testid="candidate-review-item" data-status={item.status}>
          <ItemHead item={item} />
        </li>
      ))}
    </ol>
  );
}

/** After submitting: thanks, then exactly what the set's review policy lets the candidate see. */
export function CandidateReviewView({ status, onStartAgain, starting }: { status: CandidateStatus; onStartAgain: (() => void) | undefined; starting: boolean }) {
  const { t } = useTranslation();
  const review = useCandidateReview();
  return (
    <section className="card take-card" data-testid="candidate-submitted" data-policy={review.data?.policy ?? status.reviewPolicy}>
      <h1 className="take-card__title">{t('candidate.review.title')}</h1>
      <p>{t('candidate.review.thanks', { title: status.title })}</p>
      {review.isPending ? <Spinner label={t('common.loading')} /> : null}
      {review.isError ? <Alert>{t('errors.loadFailed')}</Alert> : null}
      {review.data ? (
        <>
          {review.data.policy === 'none' ? <p className="muted" data-testid="candidate-no-review">{t('candidate.review.none')}</p> : null}
          <Score review={review.data} />
          <Outcomes review={review.data} />
        </>
      ) : null}
      {onStartAgain ? (
        <div className="actions">
          <Button variant="secondary" onClick={onStartAgain} loading={starting} data-testid="start-test">
            {t('candidate.intro.startAgain')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
