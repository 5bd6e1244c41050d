import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeTaskInput, Playground } from '@/components/code-task';
import { CodeViewer } from '@/components/code-viewer';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { isJudged, isSelfRated, type DrillSession, type ActiveCard } from '../hooks/use-drill-session';
import { RATINGS } from '../types';
import { AnswerInput, ContentLocaleNote } from '@/components/answer-input';
import { DrillVerdict } from './drill-verdict';
import { difficultyLabel, difficultyTone, topicLabel, typeLabel } from './labels';
import { useTouchScreen } from '@/lib/touch';

/** One card: the question and its answer widget, then the verdict and the four rating buttons. */
export function DrillCard({ active, session }: { active: ActiveCard; session: DrillSession }) {
  const { t } = useTranslation();
  const touch = useTouchScreen();
  const { card, result } = active;
  const q = card.question;
  const selfRated = isSelfRated(card);
  const judged = isJudged(card);
  // After answering, the card's program (or the judged task files) opens in the playground.
  const playgroundFiles: Record<string, string> | null = !result
    ? null
    : judged && active.response?.type === 'code-task'
      ? active.response.files
      : (q.type === 'code-output' || q.type === 'code-lines') && q.code
        ? { 'main.go': q.code }
        : null;
  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const highlighted = result ? (result.suggestedRating ?? result.rating) : null;

  // A new card: focus its text field when it has one, else its heading (keys 1-9 pick options).
  useEffect(() => {
    // Without preventScroll the browser scrolls the field into view and the prompt above it leaves
    // the screen; the card starts at its top instead (issue 16.7).
    const field = rootRef.current?.querySelector<HTMLElement>('[data-autofocus]');
    (field ?? headingRef.current)?.focus({ preventScroll: true });
  }, [active.shownAt]);

  // Checked: focus Continue, so Space/Enter go on; the verdict is announced by its live region.
  useEffect(() => {
    if (result) continueRef.current?.focus();
  }, [result]);

  return (
    <article
      ref={rootRef}
      className="drill-card card"
      aria-labelledby="drill-card-title"
      data-testid="drill-card"
      data-question-id={card.questionId}
      data-content-locale={q.contentLocale}
      lang={q.contentLocale}
      data-type={q.type}
      data-phase={result ? 'revealed' : 'question'}
      data-rating={result?.rating}
    >
      <header className="quiz-question__header">
        <h2 id="drill-card-title" ref={headingRef} tabIndex={-1} className="quiz-question__title">
          {q.title}
        </h2>
        <div className="question__meta">
          <span className="muted">{topicLabel(t, q.topic)}</span>
          <Badge>{typeLabel(t, q.type)}</Badge>
          <Badge tone={difficultyTone(q.difficulty)}>{difficultyLabel(t, q.difficulty)}</Badge>
          {card.state === 'new' ? <Badge tone="accent">{t('drills.card.new')}</Badge> : null}
        </div>
      </header>

      <ContentLocaleNote info={q} />
      <Markdown source={q.prompt} />
      {q.code ? (
        <CodeViewer
          key={`code-${active.shownAt}`}
          code={q.code}
          label={q.title}
          selectable={q.type === 'code-lines' && !result}
          selectedLines={active.response?.type === 'code-lines' ? active.response.lines : []}
          onSelectedLinesChange={(lines) => session.setResponse(lines.length ? { type: 'code-lines', lines } : null)}
          review={
            result && q.type === 'code-lines'
              ? {
                  chosen: active.response?.type === 'code-lines' ? active.response.lines : [],
                  correct: ((result.key as { lines?: number[] }).lines ?? []),
                }
              : undefined
          }
        />
      ) : null}
      <AnswerInput
        key={`answer-${active.shownAt}`}
        question={q}
        response={active.response}
        onChange={(response) => session.setResponse(response)}
        disabled={result !== null}
        {...(touch ? {} : { textHint: t(q.type === 'short' ? 'drills.answer.enterHint' : 'drills.answer.ctrlEnterHint') })}
      />

      {q.type === 'code-task' && q.task ? (
        <CodeTaskInput
          key={`task-${active.shownAt}`}
          questionId={q.questionId}
          task={q.task}
          response={active.response}
          onChange={(response) => session.setResponse(response)}
          disabled={result !== null || session.busy}
        />
      ) : null}
      {judged && session.busy && !result ? (
        <p className="muted small" data-testid="drill-judging">
          {t('drills.task.judging')}
        </p>
      ) : null}

      <div aria-live="polite" className="drill-card__live">
        {result ? <DrillVerdict question={q} result={result} response={active.response} /> : null}
      </div>

      {playgroundFiles ? <Playground key={`playground-${active.shownAt}`} target={{ drillQuestionId: card.questionId }} files={playgroundFiles} label={q.title} /> : null}

      {result ? (
        <div className="drill-rate">
          <p className="muted small" id="drill-rate-hint">
            {t(selfRated ? (touch ? 'drills.rate.selfHintTouch' : 'drills.rate.selfHint') : touch ? 'drills.rate.hintTouch' : 'drills.rate.hint')}
          </p>
          <div className="drill-rate__buttons" role="group" aria-describedby="drill-rate-hint">
            {RATINGS.map((rating, i) => {
              const interval = card.intervals[rating];
              const isSuggested = rating === highlighted;
              return (
                <button
                  key={rating}
                  type="button"
                  className={[
                    'drill-rate__btn',
                    `drill-rate__btn--${rating}`,
                    isSuggested ? 'drill-rate__btn--suggested' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  onClick={() => void session.rate(rating)}
                  aria-keyshortcuts={String(i + 1)}
                  aria-current={isSuggested ? 'true' : undefined}
                  data-testid={`rate-${rating}`}
                >
                  <span className="drill-rate__key" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="drill-rate__name">{t(`drills.rating.${rating}`)}</span>
                  <span className="drill-rate__interval" data-testid={`interval-${rating}`}>
                    {interval.label}
                  </span>
                  {isSuggested ? <span className="visually-hidden">{t('drills.rate.suggested')}</span> : null}
                </button>
              );
            })}
          </div>
          <div className="actions">
            <button
              ref={continueRef}
              type="button"
              className="btn btn--primary"
              onClick={() => void session.accept()}
              aria-keyshortcuts="Space Enter"
              data-testid="continue"
            >
              {t('drills.rate.continue', { rating: t(`drills.rating.${result.rating}`) })}
            </button>
          </div>
        </div>
      ) : (
        <div className="quiz-question__actions drill-card__actions">
          {!selfRated && !judged ? (
            <Button
              variant="ghost"
              onClick={session.toggleGuessed}
              aria-pressed={active.guessed}
              aria-keyshortcuts="G"
              data-testid="guessed"
            >
              {t(active.guessed ? 'drills.card.guessedOn' : 'drills.card.guessed')}
            </Button>
          ) : null}
          <Button
            onClick={() => void session.check()}
            loading={session.busy}
            aria-keyshortcuts="Enter"
            data-testid="check"
          >
            {t(selfRated ? 'drills.card.showAnswer' : 'drills.card.check')}
          </Button>
        </div>
      )}
      {touch ? null : <p className="muted small quiz-shortcuts">{t('drills.card.shortcuts')}</p>}
    </article>
  );
}
