import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { answerFeedback, type AnswerKey, type NumericAnswerRule, type QuestionResponse } from '@goprep/domain';
import { ContentLocaleNote, ReviewOptions } from '@/components/answer-input';
import { CodeTaskReview, codeFilesOf, Playground } from '@/components/code-task';
import { CodeViewer } from '@/components/code-viewer';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { safeHref } from '@/lib/markdown';
import { useReview } from '../api/get-review';
import type { AttemptReview, ReviewItem } from '../types';
import { difficultyLabel, formatDuration, topicLabel, typeLabel } from './labels';
import { round, ScoreBars } from './score-bars';
import { useDrillMissed } from '../api/drill-missed';
import { attemptTitle } from '@/lib/attempt-title';

const STATUS_TONE: Record<string, 'easy' | 'medium' | 'hard' | 'neutral'> = {
  correct: 'easy',
  partial: 'medium',
  incorrect: 'hard',
  unanswered: 'hard',
  pending: 'neutral',
};

function Answer({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="review-answer" data-testid={testId}>
      <p className="review-answer__label">{label}</p>
      {children}
    </div>
  );
}

function text(t: TFunction, value: string | undefined) {
  return value ? <pre className="review-pre">{value}</pre> : <p className="muted">{t('quiz.result.noAnswer')}</p>;
}

function ChoiceReview({ item }: { item: ReviewItem }) {
  return <ReviewOptions options={item.options ?? []} response={item.response as QuestionResponse | null} />;
}

/** The author's feedback for the answer given (numeric and short keys with graded answers). */
function givenFeedback(item: ReviewItem, r: QuestionResponse): ReactNode {
  const feedback = answerFeedback(item.key as unknown as AnswerKey, r);
  return feedback ? (
    <p className="muted small" data-testid="answer-feedback">
      {feedback}
    </p>
  ) : null;
}

function yours(t: TFunction, item: ReviewItem): ReactNode {
  const r = item.response as QuestionResponse | null;
  if (!r) return <p className="muted">{t('quiz.result.noAnswer')}</p>;
  switch (r.type) {
    case 'true-false':
      return <p>{t(r.value ? 'answer.true' : 'answer.false')}</p>;
    case 'numeric':
      return (
        <>
          <p>{`${r.value}${item.unit ? ` ${item.unit}` : ''}`}</p>
          {givenFeedback(item, r)}
        </>
      );
    case 'code-lines':
      return <p>{r.lines.length ? t('quiz.result.lines', { lines: r.lines.join(', ') }) : t('quiz.result.noAnswer')}</p>;
    case 'short':
      return (
        <>
          {text(t, r.text)}
          {givenFeedback(item, r)}
        </>
      );
    case 'code-output':
    case 'essay':
      return text(t, r.text);
    default:
      return null;
  }
}

/** A graded answer with its credit when partial: `100 ± 5`, `90–110 (50%)`. */
function ruleText(rule: { credit: number }, what: string): string {
  return rule.credit < 1 ? `${what} (${Math.round(rule.credit * 1000) / 10}%)` : what;
}

function numericRule(rule: NumericAnswerRule, unit: string | undefined): string {
  const u = unit ? ` ${unit}` : '';
  if (rule.match === 'range') return ruleText(rule, `${rule.min}–${rule.max}${u}`);
  if (rule.match === 'value') return ruleText(rule, `${rule.value}${u}${rule.tolerance ? ` (± ${rule.tolerance})` : ''}`);
  return '';
}

function keyOf(t: TFunction, item: ReviewItem): ReactNode {
  const key = item.key as unknown as AnswerKey;
  switch (key.type) {
    case 'true-false':
      return <p>{t(key.answer ? 'answer.true' : 'answer.false')}</p>;
    case 'numeric':
      if (key.answers) {
        return <p>{key.answers.filter((rule) => rule.credit > 0 && rule.match !== 'any').map((rule) => numericRule(rule, item.unit)).join(' · ')}</p>;
      }
      return <p>{`${key.answer}${item.unit ? ` ${item.unit}` : ''}${key.tolerance ? ` (± ${key.tolerance})` : ''}`}</p>;
    case 'code-lines':
      return <p>{t('quiz.result.lines', { lines: (item.verifiedLines ?? key.lines).join(', ') })}</p>;
    case 'code-output': {
      const outputs = item.verifiedOutput ?? key.outputs;
      return (
        <>
          {text(t, outputs[0])}
          {outputs.length > 1 ? <p className="muted small">{t('quiz.result.otherOutputs', { count: outputs.length - 1 })}</p> : null}
        </>
      );
    }
    case 'short':
      if (key.answers) {
        return <p>{key.answers.filter((rule) => rule.credit > 0).map((rule) => ruleText(rule, rule.text)).join(' · ')}</p>;
      }
      return <p>{key.accepted.join(' · ')}</p>;
    case 'essay':
      return (
        <ul>
          {key.rubric.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      );
    default:
      return null;
  }
}

/** The files an item's playground starts from: the program, or the code the learner submitted for a task. */
function playgroundFiles(item: ReviewItem): Record<string, string> | null {
  if ((item.type === 'code-output' || item.type === 'code-lines') && item.code) return { 'main.go': item.code };
  const response = item.response as QuestionResponse | null;
  if (item.type === 'code-task' && response?.type === 'code-task') return { ...response.files };
  return null;
}

function ReviewEntry({ item, index, attemptId }: { item: ReviewItem; index: number; attemptId: string }) {
  const { t } = useTranslation();
  const isChoice = item.type === 'single' || item.type === 'multi';
  const playground = playgroundFiles(item);
  return (
    <li className="review-item card" data-testid={`review-item-${index + 1}`} data-status={item.status} data-type={item.type}>
      <header className="review-item__header">
        <h3 className="review-item__title">
          {index + 1}. {item.title}
        </h3>
        <div className="question__meta">
          <Badge tone={STATUS_TONE[item.status] ?? 'neutral'}>{t(`quiz.status.${item.status}`, { defaultValue: item.status })}</Badge>
          <span className="muted small">
            {t('quiz.result.points', { score: item.score === null ? '—' : round(item.score), max: item.points })}
          </span>
          <span className="muted small">
            {topicLabel(t, item.topic)} · {typeLabel(t, item.type)} · {difficultyLabel(t, item.difficulty)}
          </span>
          {item.flagged ? <Badge tone="accent">{t('quiz.runner.flagged')}</Badge> : null}
        </div>
      </header>
      <details className="review-item__prompt">
        <summary>{t('quiz.result.showQuestion')}</summary>
        <ContentLocaleNote info={item} />
        <Markdown source={item.prompt} />
      </details>
      {item.code ? (
        <CodeViewer
          code={item.code}
          label={item.title}
          selectable={false}
          review={
            item.type === 'code-lines'
              ? {
                  chosen: (item.response as QuestionResponse | null)?.type === 'code-lines' ? (item.response as { lines: number[] }).lines : [],
                  correct: item.verifiedLines ?? (item.key['lines'] as number[] | undefined) ?? [],
                }
              : undefined
          }
        />
      ) : null}
      {item.type === 'code-task' ? (
        <CodeTaskReview id={`attempt-${item.position}`} files={codeFilesOf(item.response)} judge={item.judge} />
      ) : isChoice ? (
        <ChoiceReview item={item} />
      ) : (
        <div className="review-compare">
          <Answer label={t('quiz.result.yourAnswer')} testId="your-answer">
            {yours(t, item)}
          </Answer>
          <Answer label={t('quiz.result.key')} testId="answer-key">
            {keyOf(t, item)}
          </Answer>
        </div>
      )}
      {playground ? <Playground target={{ attemptId, position: item.position }} files={playground} label={item.title} /> : null}
      <section className="review-explanation" data-testid="explanation">
        <h4 className="review-answer__label">{t('quiz.result.explanation')}</h4>
        <Markdown source={item.explanation} />
      </section>
      {item.references.length ? (
        <section>
          <h4 className="review-answer__label">{t('quiz.result.references')}</h4>
          <ul className="review-refs">
            {item.references.map((ref, i) => {
              const href = safeHref(ref);
              return (
                <li key={i}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                      {ref}
                    </a>
                  ) : (
                    ref
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </li>
  );
}

function Summary({ review }: { review: AttemptReview }) {
  const { t } = useTranslation();
  const result = review.attempt.result;
  if (!result) return <Alert tone="info">{t('quiz.result.noScore')}</Alert>;
  const percent = result.percent === null ? null : Math.round(result.percent);
  return (
    <Card className="result-summary" data-testid="result-summary">
      <div className="result-summary__score">
        <p className="result-summary__percent" data-testid="result-percent">
          {percent === null ? '—' : `${percent}%`}
        </p>
        <p>{t('quiz.result.score', { score: round(result.score), max: round(result.maxScore) })}</p>
      </div>
      <dl className="result-summary__facts">
        <div>
          <dt>{t('quiz.result.time')}</dt>
          <dd data-testid="result-time">{formatDuration(t, result.timeTakenSeconds)}</dd>
        </div>
        <div>
          <dt>{t('quiz.status.correct')}</dt>
          <dd>{result.correct}</dd>
        </div>
        <div>
          <dt>{t('quiz.status.partial')}</dt>
          <dd>{result.partial}</dd>
        </div>
        <div>
          <dt>{t('quiz.status.incorrect')}</dt>
          <dd>{result.incorrect}</dd>
        </div>
        <div>
          <dt>{t('quiz.status.unanswered')}</dt>
          <dd>{result.unanswered}</dd>
        </div>
        {result.pending ? (
          <div>
            <dt>{t('quiz.status.pending')}</dt>
            <dd>{result.pending}</dd>
          </div>
        ) : null}
      </dl>
      <div className="result-summary__charts">
        <ScoreBars
          title={t('quiz.result.byTopic')}
          testId="chart-topic"
          bars={result.byTopic.map((b) => ({ key: b.topic, label: topicLabel(t, b.topic), ...b }))}
        />
        <ScoreBars
          title={t('quiz.result.byDifficulty')}
          testId="chart-difficulty"
          bars={result.byDifficulty.map((b) => ({ key: String(b.difficulty), label: difficultyLabel(t, b.difficulty), ...b }))}
        />
      </div>
    </Card>
  );
}

/** "Drill the ones I missed": the items not fully correct go to the spaced-repetition deck. */
function DrillMissedButton({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const drill = useDrillMissed();
  return (
    <>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={drill.isPending || drill.isSuccess}
        onClick={() => drill.mutate(attemptId)}
      >
        {t('quiz.result.drillMissed')}
      </button>
      <p className="result__drill-status" role="status" aria-live="polite" data-testid="drill-missed-status">
        {drill.isSuccess ? t('quiz.result.drillMissedDone', { count: drill.data.added, skipped: drill.data.skipped }) : null}
        {drill.isError ? t('quiz.result.drillMissedFailed') : null}
      </p>
    </>
  );
}

export function AttemptResult({ id }: { id: string }) {
  const { t } = useTranslation();
  const review = useReview(id);
  if (review.isPending) return <Spinner label={t('common.loading')} />;
  if (review.isError) {
    if (isApiError(review.error, 'ATTEMPT_NOT_SUBMITTED')) {
      return (
        <Alert tone="info">
          {t('quiz.result.notSubmitted')} <Link to={`/practice/attempts/${id}`}>{t('quiz.result.resume')}</Link>
        </Alert>
      );
    }
    if (isApiError(review.error, 'REVIEW_NOT_ALLOWED')) return <Alert tone="info">{t('quiz.result.notAllowed')}</Alert>;
    return <Alert>{isApiError(review.error, 'ATTEMPT_NOT_FOUND') ? t('quiz.runner.notFound') : t('errors.loadFailed')}</Alert>;
  }
  const data = review.data;
  return (
    <div className="result" data-testid="attempt-result">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{attemptTitle(t, data.attempt)}</h1>
          <p className="page-header__lead">
            {data.attempt.state === 'abandoned' ? t('quiz.result.abandoned') : t('quiz.result.lead')}
          </p>
        </div>
        <div className="page-header__actions">
          {data.attempt.state === 'submitted' ? <DrillMissedButton attemptId={id} /> : null}
          <Link className="btn btn--secondary" to="/practice/attempts">
            {t('quiz.history.title')}
          </Link>
          <Link className="btn btn--primary" to="/practice/quiz">
            {t('quiz.result.again')}
          </Link>
        </div>
      </header>
      <Summary review={data} />
      <h2 className="section-title">{t('quiz.result.items')}</h2>
      <ol className="review-list">
        {data.items.map((item, i) => (
          <ReviewEntry key={item.position} item={item} index={i} attemptId={id} />
        ))}
      </ol>
    </div>
  );
}
