import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { useJudgeStatus } from './use-judge-run';

/**
 * The judge as an administrator sees it: each runner with a recent heartbeat, whether it is still
 * warming the build cache (and how far it got), the jobs it has done, and the queue's depth.
 * Refreshes every few seconds.
 */
export function JudgeRunners() {
  const { t, i18n } = useTranslation();
  const status = useJudgeStatus(true);
  if (!status) return <Spinner label={t('common.loading')} />;
  return (
    <div className="stack" data-testid="judge-runners" data-available={status.available}>
      <p data-testid="judge-queue">{t('codeTask.runners.queue', { count: status.queueDepth })}</p>
      {status.runners.length === 0 ? (
        <p className="muted" data-testid="judge-no-runner">
          {t('codeTask.runners.none')}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('codeTask.runners.host')}</th>
              <th scope="col">{t('codeTask.runners.state')}</th>
              <th scope="col">{t('codeTask.runners.jobs')}</th>
              <th scope="col">{t('codeTask.runners.heartbeat')}</th>
            </tr>
          </thead>
          <tbody>
            {status.runners.map((r) => (
              <tr key={r.runnerId} data-testid="judge-runner" data-state={r.state}>
                <td>
                  {r.hostname}
                  <div className="muted small">{r.message}</div>
                </td>
                <td>
                  {r.state === 'ready' ? (
                    <Badge tone="easy">{t('codeTask.runners.ready')}</Badge>
                  ) : (
                    <Badge tone="medium">{t('codeTask.runners.warming', { done: r.warmDone, total: r.warmTotal })}</Badge>
                  )}
                </td>
                <td>{r.jobsDone}</td>
                <td>{new Date(r.heartbeatAt).toLocaleTimeString(i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
