import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuestionResponse } from '@goprep/domain';
import { ApiError } from '@/lib/api-client';
import type { AnswerSaved, AttemptDelivery, SaveAnswerInput } from './types';
import { enqueue, loadQueue, retryDelayMs, settle, shouldReplay, storeQueue, type QueuedSave } from './retry-queue';

export type LocalAnswer = {
  response: QuestionResponse | null;
  flagged: boolean;
  timeSpentMs: number;
};

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error';

export type AnswerPatch = Partial<LocalAnswer>;

/** Sends one answer of the attempt to wherever this attempt is kept (a learner's quiz, a candidate's test). */
export type SaveAnswerFn = (attemptId: string, position: number, body: SaveAnswerInput) => Promise<AnswerSaved>;

const CLOSED_CODES = new Set(['ATTEMPT_DEADLINE_PASSED', 'ATTEMPT_CLOSED']);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function initialState(attempt: AttemptDelivery): {
  answers: Record<number, LocalAnswer>;
  revisions: Record<number, number>;
  queue: QueuedSave[];
} {
  const answers: Record<number, LocalAnswer> = {};
  const revisions: Record<number, number> = {};
  for (const item of attempt.items) {
    answers[item.position] = {
      response: (item.answer?.response ?? null) as QuestionResponse | null,
      flagged: item.answer?.flagged ?? false,
      timeSpentMs: item.answer?.timeSpentMs ?? 0,
    };
    revisions[item.position] = item.answer?.revision ?? 0;
  }
  const store = storage();
  const byPosition = new Map(attempt.items.map((i) => [i.position, i]));
  const queue = (store ? loadQueue(store, attempt.id) : []).filter((entry) => {
    const item = byPosition.get(entry.position);
    return item !== undefined && shouldReplay(entry, item.answer);
  });
  // What the learner did last is what they see, even before the replay reaches the server.
  for (const entry of queue) {
    answers[entry.position] = { response: entry.response, flagged: entry.flagged, timeSpentMs: entry.timeSpentMs };
  }
  if (store) storeQueue(store, attempt.id, queue);
  return { answers, revisions, queue };
}

/**
 * Saves answers as the learner gives them. Each change goes to a queue in localStorage first, then
 * to the server (text after a pause in typing); failures are retried with backoff and when the
 * browser comes back online; on the next load, queued changes the server has not seen are replayed.
 */
export function useAutosave(attempt: AttemptDelivery, serverNow: () => number, onClosed: () => void, saveAnswer: SaveAnswerFn) {
  const [init] = useState(() => initialState(attempt));
  const [answers, setAnswers] = useState(init.answers);
  const [status, setStatus] = useState<SaveStatus>(init.queue.length > 0 ? 'saving' : 'saved');
  const [pending, setPending] = useState(init.queue.length);

  const answersRef = useRef(init.answers);
  const revisionsRef = useRef(init.revisions);
  const queueRef = useRef<QueuedSave[]>(init.queue);
  const dueRef = useRef(new Map<number, number>());
  const seqRef = useRef(Math.max(0, ...init.queue.map((e) => e.seq)));
  const failuresRef = useRef(0);
  const runningRef = useRef<Promise<boolean> | null>(null);
  const timerRef = useRef<number | undefined>(undefined);
  const closedRef = useRef(false);
  const latest = useRef({ serverNow, onClosed, saveAnswer });
  useEffect(() => {
    latest.current = { serverNow, onClosed, saveAnswer };
  });

  const attemptId = attempt.id;

  const persist = useCallback(() => {
    const store = storage();
    if (store) storeQueue(store, attemptId, queueRef.current);
    setPending(queueRef.current.length);
  }, [attemptId]);

  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  const schedule = useCallback((delayMs: number) => {
    window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => void flushRef.current(), Math.max(0, delayMs));
  }, []);

  /** Sends every due change; resolves true when the queue is empty afterwards. */
  const run = useCallback(async (force: boolean): Promise<boolean> => {
    let rejected = false;
    for (;;) {
      if (closedRef.current) return false;
      const now = Date.now();
      const next = queueRef.current.find((e) => force || (dueRef.current.get(e.position) ?? 0) <= now);
      if (!next) break;
      setStatus('saving');
      try {
        const saved = await latest.current.saveAnswer(attemptId, next.position, {
          response: next.response,
          flagged: next.flagged,
          timeSpentMs: Math.round(next.timeSpentMs),
        });
        revisionsRef.current[next.position] = saved.revision;
        queueRef.current = settle(queueRef.current, next.position, next.seq);
        failuresRef.current = 0;
        persist();
      } catch (error) {
        if (error instanceof ApiError && CLOSED_CODES.has(error.code)) {
          closedRef.current = true;
          queueRef.current = [];
          persist();
          latest.current.onClosed();
          return false;
        }
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
          // The server will never take this change (bad response, item gone); keep the rest going.
          queueRef.current = settle(queueRef.current, next.position, next.seq);
          persist();
          rejected = true;
          continue;
        }
        failuresRef.current += 1;
        setStatus('offline');
        schedule(retryDelayMs(failuresRef.current));
        return false;
      }
    }
    const empty = queueRef.current.length === 0;
    if (empty) setStatus(rejected ? 'error' : 'saved');
    else {
      const soonest = Math.min(...queueRef.current.map((e) => dueRef.current.get(e.position) ?? 0));
      schedule(soonest - Date.now());
    }
    return empty;
  }, [attemptId, persist, schedule]);

  const flush = useCallback(
    async (force = false): Promise<boolean> => {
      while (runningRef.current) await runningRef.current;
      const running = run(force);
      runningRef.current = running;
      try {
        return await running;
      } finally {
        runningRef.current = null;
      }
    },
    [run],
  );

  useEffect(() => {
    flushRef.current = () => flush();
  }, [flush]);

  const change = useCallback(
    (position: number, patch: AnswerPatch, debounceMs = 0) => {
      if (closedRef.current) return;
      const current = answersRef.current[position] ?? { response: null, flagged: false, timeSpentMs: 0 };
      const next: LocalAnswer = { ...current, ...patch };
      answersRef.current = { ...answersRef.current, [position]: next };
      setAnswers(answersRef.current);
      seqRef.current += 1;
      queueRef.current = enqueue(queueRef.current, {
        position,
        ...next,
        baseRevision: revisionsRef.current[position] ?? 0,
        editedAt: latest.current.serverNow(),
        seq: seqRef.current,
      });
      dueRef.current.set(position, Date.now() + debounceMs);
      persist();
      setStatus('saving');
      if (runningRef.current === null) schedule(debounceMs);
    },
    [persist, schedule],
  );

  // Replay what a previous visit left in the queue, and retry as soon as the network is back.
  useEffect(() => {
    if (queueRef.current.length > 0) void flushRef.current();
    const online = () => {
      failuresRef.current = 0;
      void flushRef.current();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timerRef.current);
    };
  }, []);

  return { answers, answersRef, status, pending, change, flush };
}
