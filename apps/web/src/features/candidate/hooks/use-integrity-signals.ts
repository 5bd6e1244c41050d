import { useCallback, useEffect, useMemo, useRef, type ClipboardEvent } from 'react';
import { ApiError } from '@/lib/api-client';
import { sendSignals } from '../api/send-signals';
import { SignalSender } from '../utils/signal-sender';
import { AwayTracker } from '../utils/signals';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const isPermanent = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

/** A paste lands in an answer field when it happens inside the question card, in an input, textarea or the code editor. */
function answerPosition(target: EventTarget | null): number | null | undefined {
  if (!(target instanceof Element)) return undefined;
  const field = target.closest('input, textarea, [contenteditable="true"], .monaco-editor');
  if (!field) return undefined;
  const card = target.closest('[data-position]');
  const position = card ? Number(card.getAttribute('data-position')) : NaN;
  return Number.isInteger(position) ? position : null;
}

/**
 * Records integrity signals while the candidate's attempt is open: pastes into answer fields,
 * focus lost and tab hidden spans. Sending is batched and retried in the background; nothing here
 * can block or slow the candidate. Returns the paste handler for the runner's container and a
 * flush to call before submitting.
 */
export function useIntegritySignals(attemptId: string | null) {
  const senderRef = useRef<SignalSender | null>(null);

  useEffect(() => {
    if (!attemptId) return;
    const sender = new SignalSender({ send: sendSignals, store: storage(), storageKey: `goprep.signals.${attemptId}`, isPermanent });
    senderRef.current = sender;
    const blur = new AwayTracker('blur');
    const hidden = new AwayTracker('hidden');
    const iso = () => new Date().toISOString();

    const onBlur = () => blur.leave(performance.now(), iso());
    const onFocus = () => {
      const event = blur.back(performance.now());
      if (event) sender.record(event);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hidden.leave(performance.now(), iso());
      else {
        const event = hidden.back(performance.now());
        if (event) sender.record(event);
      }
    };
    // Leaving the page while away: record the span so far (the queue is persisted and sent next time).
    const onPageHide = () => {
      const now = performance.now();
      for (const tracker of [hidden, blur]) {
        const event = tracker.back(now);
        if (event) sender.record(event);
      }
    };
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      sender.stop();
      if (senderRef.current === sender) senderRef.current = null;
    };
  }, [attemptId]);

  const onPaste = useCallback((e: ClipboardEvent<HTMLElement>) => {
    const position = answerPosition(e.target);
    if (position === undefined) return;
    const chars = e.clipboardData?.getData('text/plain').length ?? 0;
    senderRef.current?.record({ kind: 'paste', position, chars, at: new Date().toISOString() });
  }, []);

  /** Sends what is queued, waiting at most `timeoutMs` (a slow network must not hold up the submission). */
  const flush = useCallback(async (timeoutMs = 2000) => {
    const sender = senderRef.current;
    if (!sender) return;
    await Promise.race([sender.flush(), new Promise((resolve) => window.setTimeout(resolve, timeoutMs))]);
  }, []);

  return useMemo(() => ({ onPaste, flush }), [onPaste, flush]);
}
