import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { isApiError } from '@/lib/api-client';
import { useAbandonAttempt } from '../api/abandon-attempt';
import { useHistory } from '../api/get-history';
import type { AttemptSummary } from '../types';

/** The clock of the dashboard, once a minute: enough for "12 min left". */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function Row({ attempt, now }: { attempt: AttemptSummary; now: number }) {
  const { t } = useTranslation();
  const abandon = useAbandonAttempt();
  const minutes = Math.max(1, Math.ceil((new Date(attempt.deadlineAt).getTime() - now) / 60_000));
  return (
    <li className="unfinished__row" data-testid="unfinished-attempt" data-id={attempt.id}>
      <div>
        <p className="unfinished__title">
          <strong>{attempt.title}</strong>
        </p>
        <p className="muted small" data-testid="unfinished-time-left">
          {t(attempt.mode === 'mock' ? 'quiz.unfinished.mockLeft' : 'quiz.unfinished.quickLeft', { count: minutes })}
        </p>
      </div>
      <div className="actions unfinished__actions">
        <Link className="btn btn--primary btn--sm" to={`/practice/attempts/${attempt.id}`} data-testid="unfinished-resume">
          {t('quiz.unfinished.resume')}
        </Link>
        <Button
          variant="secondary"
          size="sm"
          loading={abandon.isPending}
          data-testid="unfinished-abandon"
          onClick={() => {
            if (window.confirm(t('quiz.unfinished.abandonConfirm', { title: attempt.title }))) abandon.mutate(attempt.id);
          }}
        >
          {t('quiz.unfinished.abandon')}
        </Button>
      </div>
      {abandon.isError ? <Alert>{isApiError(abandon.error) ? abandon.error.message : t('errors.network')}</Alert> : null}
    </li>
  );
}

/** Quick quizzes and mock interviews still open, with their time left: resume or abandon them. */
export function UnfinishedAttempts() {
  const { t } = useTranslation();
  const history = useHistory();
  const now = useMinuteClock();
  const open = (history.data?.attempts ?? []).filter((a) => a.state === 'in_progress' && new Date(a.deadlineAt).getTime() > now);
  if (open.length === 0) return null;
  return (
    <Card aria-labelledby="unfinished-title" data-testid="unfinished-attempts" className="unfinished">
      <h2 id="unfinished-title" className="card__title">
        {t('quiz.unfinished.title', { count: open.length })}
      </h2>
      <p className="muted small">{t('quiz.unfinished.lead')}</p>
      <ul className="unfinished__list">
        {open.map((a) => (
          <Row key={a.id} attempt={a} now={now} />
        ))}
      </ul>
    </Card>
  );
}
