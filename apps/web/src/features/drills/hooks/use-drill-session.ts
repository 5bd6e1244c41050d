import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QuestionResponse } from '@goprep/domain';
import { isApiError } from '@/lib/api-client';
import { getDueQueryOptions } from '../api/get-due';
import { judgeCard } from '../api/judge-card';
import { submitReview } from '../api/submit-review';
import { undoReview } from '../api/undo-review';
import { RATINGS, SELF_RATED_TYPES, type DueCard, type Rating, type ReviewResult, type SubmitReviewInput } from '../types';
import { randomUuid } from '@/lib/random-uuid';

const MAX_DURATION_MS = 86_400_000;

/** The card on screen: answering until `result` is set, then showing the verdict. */
export type ActiveCard = {
  card: DueCard;
  /** Changes whenever the card is (re)shown, so widgets remount and focus moves. */
  shownAt: number;
  response: QuestionResponse | null;
  guessed: boolean;
  durationMs: number;
  result: ReviewResult | null;
  /** A code-task card: the judge run whose verdict graded it. */
  judgeRunId: string | null;
};

/** What the learner did last, for the status line (and screen readers). */
export type LastAction =
  | { kind: 'rated'; rating: Rating; scheduledDays: number; nextDue: string }
  | { kind: 'undone'; title: string }
  | null;

type HistoryEntry = { reviewId: string; card: DueCard };

export const isSelfRated = (card: DueCard) => SELF_RATED_TYPES.has(card.question.type);
/** A code task is graded by the judge: its files are judged first, then the review names the run. */
export const isJudged = (card: DueCard) => card.question.type === 'code-task';

function taskFiles(current: ActiveCard): Record<string, string> {
  const task = current.card.question.task;
  const saved = current.response?.type === 'code-task' ? current.response.files : {};
  return Object.fromEntries((task?.files ?? []).map((name) => [name, saved[name] ?? task?.starter[name] ?? '']));
}

const rated = (result: ReviewResult): LastAction => ({
  kind: 'rated',
  rating: result.rating as Rating,
  scheduledDays: result.scheduledDays,
  nextDue: result.nextDue,
});

function show(card: DueCard): ActiveCard {
  return { card, shownAt: Date.now(), response: null, guessed: false, durationMs: 0, result: null, judgeRunId: null };
}

/**
 * One drill session. The review POST grades and schedules at once, so "Check" sends the review
 * without a rating (the server applies the suggested one, or Good for a self-rated card); another
 * rating afterwards undoes that review and sends a new one with the chosen rating.
 */
export function useDrillSession(firstCard: DueCard | undefined) {
  const queryClient = useQueryClient();
  const [active, setActive] = useState<ActiveCard | null>(() => (firstCard ? show(firstCard) : null));
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<LastAction>(null);
  const busyRef = useRef(false);
  const activeRef = useRef(active);
  activeRef.current = active;
  const historyRef = useRef(history);
  historyRef.current = history;

  /** Runs one server step at a time; a key pressed meanwhile is ignored. */
  const run = useCallback(async (step: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(isApiError(e) ? e.message : e instanceof Error ? e.message : String(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ['drills'] }), [queryClient]);

  /** The next card of a fresh queue (a card rated Again may come back the same day). */
  const next = useCallback(async () => {
    const queue = await queryClient.fetchQuery({ ...getDueQueryOptions(), staleTime: 0 });
    setActive(queue.cards[0] ? show(queue.cards[0]) : null);
    void queryClient.invalidateQueries({ queryKey: ['drills', 'stats'] });
  }, [queryClient]);

  const send = useCallback((current: ActiveCard, rating?: Rating): Promise<ReviewResult> => {
    const selfRated = isSelfRated(current.card);
    if (isJudged(current.card)) {
      return submitReview({
        reviewId: randomUuid(),
        questionId: current.card.questionId,
        durationMs: current.durationMs,
        judgeRunId: current.judgeRunId ?? undefined,
        ...(rating ? { rating } : {}),
      });
    }
    const body: SubmitReviewInput = {
      reviewId: randomUuid(),
      questionId: current.card.questionId,
      durationMs: current.durationMs,
      ...(current.response ? { response: current.response as unknown as Record<string, unknown> } : {}),
    };
    if (selfRated) body.selfRating = RATINGS.indexOf(rating ?? 'good') + 1;
    else {
      if (current.guessed) body.guessed = true;
      if (rating) body.rating = rating;
    }
    return submitReview(body);
  }, []);

  const setResponse = useCallback((response: QuestionResponse | null) => {
    setActive((a) => (a && !a.result ? { ...a, response } : a));
  }, []);

  const toggleGuessed = useCallback(() => {
    setActive((a) => (a && !a.result && !isSelfRated(a.card) && !isJudged(a.card) ? { ...a, guessed: !a.guessed } : a));
  }, []);

  /** "Check" (or "Show answer"): graded and scheduled with the suggested rating. */
  const check = useCallback(
    () =>
      run(async () => {
        const current = activeRef.current;
        if (!current || current.result) return;
        let answered = { ...current, durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Date.now() - current.shownAt)) };
        if (isJudged(current.card)) {
          const run = await judgeCard(current.card.questionId, taskFiles(current));
          answered = { ...answered, judgeRunId: run.id, response: { type: 'code-task', files: { ...run.files } } };
        }
        const result = await send(answered);
        setHistory((h) => [...h, { reviewId: result.reviewId, card: current.card }]);
        setActive({ ...answered, result });
        setLastAction(null);
        void refresh();
      }),
    [refresh, run, send],
  );

  /** Space/Enter: keep the applied rating and go on. */
  const accept = useCallback(
    () =>
      run(async () => {
        const current = activeRef.current;
        if (!current?.result) return;
        setLastAction(rated(current.result));
        await next();
      }),
    [next, run],
  );

  /** 1-4 after checking: the applied rating stays, or the review is redone with this one; then go on. */
  const rate = useCallback(
    (rating: Rating) =>
      run(async () => {
        const current = activeRef.current;
        if (!current?.result) return;
        let result = current.result;
        if (result.rating !== rating) {
          await undoReview(result.reviewId);
          result = await send(current, rating);
          const reviewId = result.reviewId;
          setHistory((h) => [...h.slice(0, -1), { reviewId, card: current.card }]);
        }
        setLastAction(rated(result));
        await next();
      }),
    [next, run, send],
  );

  /** Ctrl+Z: the last review is undone and its card shown again. */
  const undo = useCallback(
    () =>
      run(async () => {
        const last = historyRef.current.at(-1);
        if (!last) return;
        await undoReview(last.reviewId);
        setHistory((h) => h.slice(0, -1));
        setActive(show(last.card));
        setLastAction({ kind: 'undone', title: last.card.question.title });
        void refresh();
      }),
    [refresh, run],
  );

  /** After cards were added: start when nothing is on screen. */
  const resume = useCallback(
    () =>
      run(async () => {
        if (!activeRef.current) await next();
      }),
    [next, run],
  );

  return { active, reviewed: history.length, canUndo: history.length > 0, busy, error, lastAction, setResponse, toggleGuessed, check, accept, rate, undo, resume };
}

export type DrillSession = ReturnType<typeof useDrillSession>;
