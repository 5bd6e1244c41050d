import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResponse } from '@goprep/domain';
import { CodeViewer } from '@/components/code-viewer';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { isApiError } from '@/lib/api-client';
import { AnswerInput, ContentLocaleNote } from '@/components/answer-input';
import { CodeTaskInput, type JudgeAudience } from '@/components/code-task';
import { difficultyLabel, difficultyTone, topicLabel, typeLabel } from '@/lib/labels';
import { isAnswered, toggleChoice } from '@/lib/responses';
import { anchorClock, formatRemaining, serverTimeAt } from './countdown';
import { QuestionNavigator } from './question-navigator';
import { storeQueue } from './retry-queue';
import { submitWarnings } from './submit-warnings';
import type { AttemptDelivery } from './types';
import { useAutosave, type SaveAnswerFn, type SaveStatus } from './use-autosave';
import { useCountdown } from './use-countdown';
import { attemptTitle } from '@/lib/attempt-title';
import { useTouchScreen } from '@/lib/touch';

/** A save still failing when the time is up must not keep the result waiting for long. */
const FINAL_FLUSH_TIMEOUT_MS = 5000;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor, dialog')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
}

function SaveIndicator({ status, pending }: { status: SaveStatus; pending: number }) {
  const { t } = useTranslation();
  return (
    <p className={`quiz-save quiz-save--${status}`} role="status" data-testid="save-status" data-status={status} data-pending={pending}>
      <span className="quiz-save__dot" aria-hidden="true" />
      {t(`quiz.save.${status}`)}
    </p>
  );
}

/**
 * Where an attempt's answers and submission go. The quizzes use the learner's attempt endpoints;
 * a candidate's test (invite link) passes its own, so both share one runner.
 */
export type AttemptSource = {
  saveAnswer: SaveAnswerFn;
  submit: (attemptId: string) => Promise<unknown>;
  /** After the submission went through (or the server had closed the attempt already). */
  onFinished: (attemptId: string) => void;
  /** Whose judge routes a code task's "Run" uses (default: the learner's). */
  judgeAudience?: JudgeAudience;
};

/** The runner for an attempt already loaded (its `now` anchors the clock, so load it fresh). */
export function AttemptRunner({ attempt, source }: { attempt: AttemptDelivery; source: AttemptSource }) {
  const { t } = useTranslation();
  const touch = useTouchScreen();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dialogTitle = useId();
  const [anchor] = useState(() => anchorClock(attempt.now, performance.now()));
  const serverNow = useCallback(() => serverTimeAt(anchor, performance.now()), [anchor]);
  const [finishing, setFinishing] = useState<'time' | 'manual' | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const finishingRef = useRef(false);
  const finishRef = useRef<(reason: 'time' | 'manual') => Promise<void>>(() => Promise.resolve());

  const { answers, answersRef, status, pending, change, flush } = useAutosave(
    attempt,
    serverNow,
    () => {
      void finishRef.current('time');
    },
    source.saveAnswer,
  );
  const { remaining, warning, announce } = useCountdown(attempt.deadlineAt, anchor);

  const items = attempt.items;
  const [index, setIndex] = useState(() => Math.max(0, items.findIndex((i) => !isAnswered(answers[i.position]?.response))));
  const item = items[index] ?? items[0];
  const enteredAt = useRef(performance.now());
  const movedRef = useRef(false);

  /** Time on an item so far: what is stored plus the time since the learner last came to it or answered. */
  const spentOn = useCallback(
    (position: number) => Math.round((answersRef.current[position]?.timeSpentMs ?? 0) + (performance.now() - enteredAt.current)),
    [answersRef],
  );

  const update = useCallback(
    (position: number, patch: { response?: QuestionResponse | null; flagged?: boolean }, debounceMs = 0) => {
      change(position, { ...patch, timeSpentMs: spentOn(position) }, debounceMs);
      enteredAt.current = performance.now();
    },
    [change, spentOn],
  );

  const commitTime = useCallback(
    (position: number) => {
      if (performance.now() - enteredAt.current >= 1000) update(position, {});
      enteredAt.current = performance.now();
    },
    [update],
  );

  const go = useCallback(
    (next: number) => {
      if (!item || next < 0 || next >= items.length || next === index) return;
      commitTime(item.position);
      movedRef.current = true;
      setIndex(next);
    },
    [commitTime, index, item, items.length],
  );

  useEffect(() => {
    if (movedRef.current) headingRef.current?.focus();
  }, [index]);

  const finish = useCallback(
    async (reason: 'time' | 'manual') => {
      if (finishingRef.current) return;
      finishingRef.current = true;
      setFinishing(reason);
      setSubmitError(null);
      if (reason === 'manual' && item) commitTime(item.position);
      await Promise.race([flush(true), new Promise((resolve) => window.setTimeout(resolve, FINAL_FLUSH_TIMEOUT_MS))]);
      try {
        await source.submit(attempt.id);
      } catch (error) {
        // Closed by the server already (deadline passed, swept): the result page says how it ended.
        if (!isApiError(error, 'ATTEMPT_DEADLINE_PASSED') && !isApiError(error, 'ATTEMPT_CLOSED')) {
          finishingRef.current = false;
          setFinishing(null);
          setSubmitError(isApiError(error) ? error.message : t('quiz.runner.submitFailed'));
          return;
        }
      }
      try {
        storeQueue(window.localStorage, attempt.id, []);
      } catch {
        // Nothing to clean when storage is unavailable.
      }
      source.onFinished(attempt.id);
    },
    [attempt.id, commitTime, flush, item, source, t],
  );

  useEffect(() => {
    finishRef.current = finish;
  }, [finish]);

  useEffect(() => {
    if (remaining <= 0) void finish('time');
  }, [remaining, finish]);

  // Time ran out while offline: submit as soon as the network is back (the server may have closed it already).
  useEffect(() => {
    if (remaining > 0 || submitError === null) return;
    const retry = () => void finish('time');
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [remaining, submitError, finish]);

  const answer = item ? answers[item.position] : undefined;

  const pickOption = useCallback(
    (n: number) => {
      if (!item) return;
      const current = answersRef.current[item.position]?.response ?? null;
      if (item.type === 'true-false') {
        if (n === 1 || n === 2) update(item.position, { response: { type: 'true-false', value: n === 1 } });
        return;
      }
      const option = item.options?.[n - 1];
      if (!option) return;
      if (item.type === 'single') update(item.position, { response: { type: 'single', choice: option.id } });
      if (item.type === 'multi') {
        const chosen = current?.type === 'multi' ? current.choices : [];
        const order = (item.options ?? []).map((o) => o.id);
        update(item.position, { response: { type: 'multi', choices: toggleChoice(chosen, option.id, order) } });
      }
    },
    [answersRef, item, update],
  );

  const toggleFlag = useCallback(() => {
    if (item) update(item.position, { flagged: !(answersRef.current[item.position]?.flagged ?? false) });
  }, [answersRef, item, update]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || finishingRef.current) return;
      if (dialogRef.current?.open || isTypingTarget(e.target)) return;
      const key = e.key.toLowerCase();
      if (/^[1-9]$/.test(key)) pickOption(Number(key));
      else if (key === 'n') go(index + 1);
      else if (key === 'p') go(index - 1);
      else if (key === 'f') toggleFlag();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, pickOption, toggleFlag]);

  if (!item) return <Alert>{t('quiz.runner.empty')}</Alert>;

  const warnings = submitWarnings(items, answers);
  const timeClass = warning === 'one-minute' || warning === 'over' ? 'quiz-timer--danger' : warning === 'five-minutes' ? 'quiz-timer--warn' : '';

  return (
    <div className="quiz-runner" data-testid="quiz-runner" data-attempt-id={attempt.id}>
      <div className="quiz-bar">
        <h1 className="quiz-bar__title">{attemptTitle(t, attempt)}</h1>
        <p className={['quiz-timer', timeClass].filter(Boolean).join(' ')} data-testid="quiz-timer">
          <span className="visually-hidden">{t('quiz.runner.timeLeft')} </span>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="quiz-timer__icon">
            <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M12 9v4l2.5 2.5M9 2h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <time>{formatRemaining(remaining)}</time>
        </p>
        <SaveIndicator status={status} pending={pending} />
        <Button onClick={() => dialogRef.current?.showModal()} disabled={finishing !== null} data-testid="open-submit">
          {t('quiz.runner.submit')}
        </Button>
      </div>
      <div className="visually-hidden" aria-live="assertive" data-testid="time-announcement">
        {announce === 'five-minutes' ? t('quiz.runner.fiveMinutes') : announce === 'one-minute' ? t('quiz.runner.oneMinute') : ''}
      </div>
      {finishing ? <Alert tone="info">{t(finishing === 'time' ? 'quiz.runner.timeUp' : 'quiz.runner.submitting')}</Alert> : <Alert />}
      {submitError ? <Alert>{submitError}</Alert> : null}

      <div className="quiz-layout">
        <QuestionNavigator
          items={items}
          current={index}
          answered={(p) => isAnswered(answers[p]?.response)}
          flagged={(p) => answers[p]?.flagged ?? false}
          onGo={go}
        />

        <article
          className="quiz-question card"
          aria-labelledby="quiz-question-title"
          data-testid="quiz-question"
          data-position={item.position}
          data-type={item.type}
          data-content-locale={item.contentLocale}
          lang={item.contentLocale}
        >
          <header className="quiz-question__header">
            <p className="muted small">{t('quiz.runner.questionOf', { n: index + 1, total: items.length })}</p>
            <h2 id="quiz-question-title" ref={headingRef} tabIndex={-1} className="quiz-question__title">
              {item.title}
            </h2>
            <div className="question__meta">
              <span className="muted">{topicLabel(t, item.topic)}</span>
              <Badge>{typeLabel(t, item.type)}</Badge>
              <Badge tone={difficultyTone(item.difficulty)}>{difficultyLabel(t, item.difficulty)}</Badge>
              {answer?.flagged ? <Badge tone="accent">{t('quiz.runner.flagged')}</Badge> : null}
            </div>
          </header>

          <ContentLocaleNote info={item} />
          <Markdown source={item.prompt} />
          {item.code ? (
            <CodeViewer
              key={`code-${item.position}`}
              code={item.code}
              label={item.title}
              selectable={item.type === 'code-lines'}
              selectedLines={answer?.response?.type === 'code-lines' ? answer.response.lines : []}
              onSelectedLinesChange={(lines) =>
                update(item.position, { response: lines.length ? { type: 'code-lines', lines } : null })
              }
            />
          ) : null}
          <AnswerInput
            key={`answer-${item.position}`}
            question={item}
            response={answer?.response ?? null}
            onChange={(response, debounceMs) => update(item.position, { response }, debounceMs)}
          />
          {item.type === 'code-task' && item.task ? (
            <CodeTaskInput
              key={`task-${item.position}`}
              questionId={item.questionId}
              task={item.task}
              response={answer?.response ?? null}
              onChange={(response, debounceMs) => update(item.position, { response }, debounceMs)}
              attemptId={attempt.id}
              position={item.position}
              audience={source.judgeAudience ?? 'learner'}
              disabled={finishing !== null}
            />
          ) : null}

          <div className="quiz-question__actions">
            <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0} data-testid="prev">
              ← {t('quiz.runner.previous')}
            </Button>
            <Button variant="ghost" onClick={toggleFlag} aria-pressed={answer?.flagged ?? false} data-testid="flag">
              ⚑ {t(answer?.flagged ? 'quiz.runner.unflag' : 'quiz.runner.flag')}
            </Button>
            {index < items.length - 1 ? (
              <Button onClick={() => go(index + 1)} data-testid="next">
                {t('quiz.runner.next')} →
              </Button>
            ) : (
              <Button onClick={() => dialogRef.current?.showModal()} disabled={finishing !== null}>
                {t('quiz.runner.submit')}
              </Button>
            )}
          </div>
          {touch ? null : <p className="muted small quiz-shortcuts">{t('quiz.runner.shortcuts')}</p>}
        </article>
      </div>

      <dialog ref={dialogRef} className="quiz-dialog" aria-labelledby={dialogTitle} data-testid="submit-dialog">
        <h2 id={dialogTitle} className="section-title">
          {/* A candidate takes an assessment, not a quiz; a mock interview is one too. */}
          {t(attempt.mode === 'set' ? 'quiz.confirm.titleSet' : attempt.mode === 'mock' ? 'quiz.confirm.titleMock' : 'quiz.confirm.title')}
        </h2>
        {warnings.unanswered.length === 0 && warnings.flagged.length === 0 ? <p>{t('quiz.confirm.allAnswered')}</p> : null}
        {warnings.unanswered.length ? (
          <p data-testid="confirm-unanswered">
            {t('quiz.confirm.unanswered', { count: warnings.unanswered.length, list: warnings.unanswered.join(', ') })}
          </p>
        ) : null}
        {warnings.flagged.length ? (
          <p data-testid="confirm-flagged">{t('quiz.confirm.flagged', { count: warnings.flagged.length, list: warnings.flagged.join(', ') })}</p>
        ) : null}
        <p className="muted small">{t('quiz.confirm.final')}</p>
        <div className="actions">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t('quiz.confirm.cancel')}
          </Button>
          <Button
            data-testid="confirm-submit"
            loading={finishing === 'manual'}
            onClick={() => {
              dialogRef.current?.close();
              void finish('manual');
            }}
          >
            {t('quiz.confirm.submit')}
          </Button>
        </div>
      </dialog>
    </div>
  );
}
