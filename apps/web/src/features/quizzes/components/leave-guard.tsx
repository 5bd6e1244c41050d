import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Button } from '@/components/ui/button';

/**
 * While a timed mock interview is open: the browser asks before the tab is closed or reloaded
 * (beforeunload), and a link inside the app asks in a dialog. Going to the attempt's own result
 * (after submitting) is never held up. The timer keeps running either way; the dashboard lists
 * the attempt with its time left.
 */
export function LeaveGuard({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (nextLocation.pathname === `/practice/attempts/${attemptId}/result`) return false;
    return currentLocation.pathname !== nextLocation.pathname;
  });

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium and Safari show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (blocker.state === 'blocked' && dialog && !dialog.open) dialog.showModal();
    if (blocker.state !== 'blocked' && dialog?.open) dialog.close();
  }, [blocker.state]);

  return (
    <dialog
      ref={dialogRef}
      className="quiz-dialog"
      aria-labelledby={titleId}
      data-testid="leave-dialog"
      onCancel={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    >
      <h2 id={titleId} className="section-title">
        {t('quiz.leave.title')}
      </h2>
      <p>{t('quiz.leave.body')}</p>
      <div className="actions">
        <Button variant="secondary" onClick={() => blocker.state === 'blocked' && blocker.reset()} data-testid="leave-stay">
          {t('quiz.leave.stay')}
        </Button>
        <Button variant="danger" onClick={() => blocker.state === 'blocked' && blocker.proceed()} data-testid="leave-go">
          {t('quiz.leave.go')}
        </Button>
      </div>
    </dialog>
  );
}
