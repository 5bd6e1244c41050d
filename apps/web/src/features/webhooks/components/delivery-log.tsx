import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useDeliveries } from '../api/get-deliveries';
import { useRedeliver } from '../api/redeliver';
import type { WebhookDelivery } from '../types';

const TONE = { succeeded: 'easy', pending: 'medium', failed: 'hard' } as const;

/** An endpoint's latest deliveries: status, answer, duration, attempts, error; each can be sent again. */
export function DeliveryLog({ orgId, endpointId }: { orgId: string; endpointId: string }) {
  const { t, i18n } = useTranslation();
  const deliveries = useDeliveries(orgId, endpointId, true);
  const again = useRedeliver(orgId, endpointId);
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  if (deliveries.isPending) return <Spinner label={t('common.loading')} />;
  if (deliveries.isError) return <Alert>{t('errors.loadFailed')}</Alert>;
  if (deliveries.data.length === 0) return <p className="empty">{t('webhooks.log.empty')}</p>;
  return (
    <>
      {again.isError ? <Alert>{isApiError(again.error) ? again.error.message : t('errors.network')}</Alert> : null}
      <ul className="wh-deliveries" aria-label={t('webhooks.log.title')} data-testid="webhook-deliveries">
        {deliveries.data.map((d: WebhookDelivery) => (
          <li key={d.id} className="wh-delivery" data-testid="webhook-delivery" data-status={d.status} data-event={d.eventType}>
            <div className="wh-delivery__head">
              <code>{d.eventType}</code>
              <Badge tone={TONE[d.status]}>{t(`webhooks.status.${d.status}`)}</Badge>
              <span className="muted small">{time(d.createdAt)}</span>
            </div>
            <dl className="wh-delivery__facts small">
              <div>
                <dt>{t('webhooks.log.response')}</dt>
                <dd>{d.responseStatus ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('webhooks.log.duration')}</dt>
                <dd>{d.durationMs === null ? '—' : t('webhooks.log.ms', { count: d.durationMs })}</dd>
              </div>
              <div>
                <dt>{t('webhooks.log.attempts')}</dt>
                <dd>{d.attempts}</dd>
              </div>
              {d.status === 'pending' && d.nextAttemptAt ? (
                <div>
                  <dt>{t('webhooks.log.nextAttempt')}</dt>
                  <dd>{time(d.nextAttemptAt)}</dd>
                </div>
              ) : null}
            </dl>
            {d.error ? <p className="field__error small wh-delivery__error">{d.error}</p> : null}
            <details className="wh-delivery__details">
              <summary>{t('webhooks.log.details')}</summary>
              <p className="small muted">
                {t('webhooks.log.messageId')}: <code>{d.messageId}</code>
              </p>
              <p className="small">{t('webhooks.log.payload')}</p>
              <pre className="mono wh-pre">{d.payload}</pre>
              {d.responseBody ? (
                <>
                  <p className="small">{t('webhooks.log.responseBody')}</p>
                  <pre className="mono wh-pre">{d.responseBody}</pre>
                </>
              ) : null}
            </details>
            <div className="actions">
              <Button
                variant="secondary"
                size="sm"
                loading={again.isPending && again.variables === d.id}
                onClick={() => again.mutate(d.id)}
                data-testid="webhook-redeliver"
              >
                {t('webhooks.log.redeliver')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
