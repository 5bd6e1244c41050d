import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttemptRunner, type AttemptSource } from '@/components/attempt-runner';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useCandidateAttempt } from '../api/get-attempt';
import { getCandidateStatus } from '../api/get-status';
import { openSession } from '../api/session';
import { saveCandidateAnswer } from '../api/save-answer';
import { startCandidateAttempt } from '../api/start';
import { submitCandidateAttempt } from '../api/submit';
import { useIntegritySignals } from '../hooks/use-integrity-signals';
import type { AttemptDelivery, CandidateStatus } from '../types';
import { tokenFromHash } from '../utils/format';
import { CandidateReviewView } from './candidate-review';
import { InviteClosed, type ClosedReason } from './invite-closed';
import { InviteIntro } from './invite-intro';

const STATUS_KEY = ['candidate', 'status'] as const;

/**
 * Opens the session from the link (the token is in the URL fragment; it is exchanged for an
 * httpOnly cookie and removed from the address bar), or reads it from the cookie on a reload.
 */
async function loadStatus(signal: AbortSignal): Promise<CandidateStatus> {
  const token = tokenFromHash(window.location.hash);
  if (!token) return getCandidateStatus(signal);
  const status = await openSession(token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return status;
}

function closedReasonOf(error: unknown): ClosedReason | null {
  if (isApiError(error, 'CANDIDATE_SESSION_MISSING')) return 'missing';
  if (isApiError(error, 'CANDIDATE_INVITE_NOT_FOUND')) return 'invalid';
  if (isApiError(error, 'RATE_LIMITED')) return 'rate-limited';
  return null;
}

function Running({ attempt, onDone }: { attempt: AttemptDelivery; onDone: () => void }) {
  const signals = useIntegritySignals(attempt.id);
  const source = useMemo<AttemptSource>(
    () => ({
      saveAnswer: saveCandidateAnswer,
      submit: async () => {
        await signals.flush();
        return submitCandidateAttempt();
      },
      onFinished: onDone,
      judgeAudience: 'candidate',
    }),
    [onDone, signals],
  );
  return (
    <div className="take-runner" onPasteCapture={signals.onPaste} data-testid="candidate-runner">
      <AttemptRunner attempt={attempt} source={source} />
    </div>
  );
}

function ResumeAttempt({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const attempt = useCandidateAttempt(true);
  const closed = attempt.data !== undefined && attempt.data.state !== 'in_progress';
  // Closed meanwhile (deadline passed, submitted in another tab): back to the status page.
  useEffect(() => {
    if (closed) onDone();
  }, [closed, onDone]);
  if (attempt.isPending) return <Spinner label={t('common.loading')} />;
  if (attempt.isError) {
    return (
      <Alert>
        {t('errors.loadFailed')}{' '}
        <Button variant="secondary" size="sm" onClick={() => void attempt.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  if (closed) return <Spinner label={t('common.loading')} />;
  return <Running key={attempt.data.id} attempt={attempt.data} onDone={onDone} />;
}

/** The whole candidate page: link states, intro, the runner, and what the review policy allows afterwards. */
export function CandidateTake() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: ({ signal }) => loadStatus(signal), retry: false, staleTime: Infinity });
  const [started, setStarted] = useState<AttemptDelivery | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  // Another invite link opened in the same tab changes only the fragment: start over with its token.
  useEffect(() => {
    const onHash = () => {
      if (!tokenFromHash(window.location.hash)) return;
      setStarted(null);
      void queryClient.resetQueries({ queryKey: ['candidate'] });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [queryClient]);

  const done = useCallback(() => {
    setStarted(null);
    void queryClient.invalidateQueries({ queryKey: ['candidate'] });
  }, [queryClient]);

  const start = useCallback(async (language?: 'en' | 'zh-CN') => {
    setStarting(true);
    setStartError(null);
    try {
      setStarted(await startCandidateAttempt(language));
    } catch (error) {
      setStartError(isApiError(error) ? error.message : t('errors.server'));
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    } finally {
      setStarting(false);
    }
  }, [queryClient, t]);

  if (started) return <Running key={started.id} attempt={started} onDone={done} />;
  if (status.isPending) return <Spinner label={t('common.loading')} />;
  if (status.isError) {
    const reason = closedReasonOf(status.error);
    if (reason) return <InviteClosed reason={reason} />;
    return (
      <section className="card take-card" role="alert">
        <h1 className="take-card__title">{t('errors.unexpectedTitle')}</h1>
        <p className="muted">{t('errors.server')}</p>
        <Button onClick={() => void status.refetch()}>{t('common.retry')}</Button>
      </section>
    );
  }

  const s = status.data;
  switch (s.state) {
    case 'expired':
    case 'revoked':
    case 'used':
      return <InviteClosed reason={s.state} />;
    case 'in-progress':
      return <ResumeAttempt onDone={done} />;
    case 'submitted':
      return <CandidateReviewView status={s} onStartAgain={s.canStart ? () => void start() : undefined} starting={starting} />;
    default:
      return <InviteIntro status={s} onStart={(language) => void start(language)} starting={starting} error={startError} />;
  }
}
