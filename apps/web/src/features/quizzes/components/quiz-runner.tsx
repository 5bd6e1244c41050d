import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { AttemptRunner, type AttemptSource } from '@/components/attempt-runner';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useAttempt } from '../api/get-attempt';
import { saveAnswer } from '../api/save-answer';
import { useSubmitAttempt } from '../api/submit-attempt';
import { LeaveGuard } from './leave-guard';

/** The learner's own attempt (quick quiz or mock interview) in the shared attempt runner. */
export function QuizRunner({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const attempt = useAttempt(id);
  const { mutateAsync: submit } = useSubmitAttempt();
  const source = useMemo<AttemptSource>(
    () => ({
      saveAnswer,
      submit,
      onFinished: (attemptId) => void navigate(`/practice/attempts/${attemptId}/result`, { replace: true }),
    }),
    [navigate, submit],
  );
  if (attempt.isPending) return <Spinner label={t('common.loading')} />;
  if (attempt.isError) {
    return <Alert>{isApiError(attempt.error, 'ATTEMPT_NOT_FOUND') ? t('quiz.runner.notFound') : t('errors.loadFailed')}</Alert>;
  }
  if (attempt.data.state !== 'in_progress') return <Navigate to={`/practice/attempts/${id}/result`} replace />;
  return (
    <>
      {attempt.data.mode === 'mock' ? <LeaveGuard attemptId={attempt.data.id} /> : null}
      <AttemptRunner key={attempt.data.id} attempt={attempt.data} source={source} />
    </>
  );
}
