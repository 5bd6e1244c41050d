import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { getWebhookSecret } from '../api/get-secret';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useUpdateWebhook } from '../api/update-webhook';
import { useRotateSecret } from '../api/rotate-secret';
import { useSendTestEvent } from '../api/send-test-event';
import type { WebhookEndpoint } from '../types';
import { DeliveryLog } from './delivery-log';
import { EndpointForm } from './endpoint-form';
import { SecretBox } from './secret-box';

/** One endpoint: its settings, secret (reveal, rotate), test event, delete, and its delivery log. */
export function EndpointCard({ orgId, endpoint }: { orgId: string; endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [secretError, setSecretError] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const update = useUpdateWebhook(orgId, endpoint.id);
  const remove = useDeleteWebhook(orgId);
  const rotate = useRotateSecret(orgId, endpoint.id);
  const test = useSendTestEvent(orgId, endpoint.id);
  const failure = (e: unknown) => (isApiError(e) ? e.message : t('errors.network'));

  const reveal = async () => {
    setSecretError(null);
    try {
      setSecret(await getWebhookSecret(orgId, endpoint.id));
    } catch (e) {
      setSecretError(failure(e));
    }
  };

  const onRotate = () => {
    if (!window.confirm(t('webhooks.secret.rotateConfirm'))) return;
    rotate.mutate(undefined, { onSuccess: (s) => setSecret(s) });
  };

  const onDelete = () => {
    if (!window.confirm(t('webhooks.endpoint.deleteConfirm', { url: endpoint.url }))) return;
    remove.mutate(endpoint.id);
  };

  return (
    <li className="card wh-endpoint" data-testid="webhook-endpoint" data-url={endpoint.url}>
      <div className="wh-endpoint__head">
        <p className="mono wh-url">{endpoint.url}</p>
        <Badge tone={endpoint.enabled ? 'easy' : 'neutral'}>{t(endpoint.enabled ? 'webhooks.endpoint.enabled' : 'webhooks.endpoint.disabled')}</Badge>
      </div>
      {endpoint.description ? <p className="muted">{endpoint.description}</p> : null}
      <p className="small wh-endpoint__events">
        {endpoint.events.map((e) => (
          <code key={e}>{e}</code>
        ))}
      </p>

      {editing ? (
        <EndpointForm
          initial={endpoint}
          submitLabel={t('webhooks.form.save')}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })}
        />
      ) : null}

      <div className="wh-secret-area">
        {secret ? (
          <>
            <SecretBox secret={secret} label={t('webhooks.secret.label')} />
            <p className="muted small">{t('webhooks.secret.hint')}</p>
          </>
        ) : null}
        {secretError || rotate.isError ? <Alert>{secretError ?? failure(rotate.error)}</Alert> : null}
      </div>

      <div className="actions wh-actions">
        {!editing ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)} data-testid="webhook-edit">
            {t('webhooks.endpoint.edit')}
          </Button>
        ) : null}
        {secret ? (
          <Button variant="secondary" size="sm" onClick={() => setSecret(null)} data-testid="webhook-hide-secret">
            {t('webhooks.secret.hide')}
          </Button>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => void reveal()} data-testid="webhook-reveal-secret">
            {t('webhooks.secret.reveal')}
          </Button>
        )}
        <Button variant="secondary" size="sm" loading={rotate.isPending} onClick={onRotate} data-testid="webhook-rotate-secret">
          {t('webhooks.secret.rotate')}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          loading={test.isPending}
          onClick={() => test.mutate(undefined, { onSuccess: () => setShowLog(true) })}
          data-testid="webhook-send-test"
        >
          {t('webhooks.endpoint.sendTest')}
        </Button>
        <Button variant="ghost" size="sm" aria-expanded={showLog} onClick={() => setShowLog((s) => !s)} data-testid="webhook-toggle-log">
          {t(showLog ? 'webhooks.log.hide' : 'webhooks.log.show')}
        </Button>
        <Button variant="danger" size="sm" loading={remove.isPending} onClick={onDelete} data-testid="webhook-delete">
          {t('webhooks.endpoint.delete')}
        </Button>
      </div>
      {test.isError ? <Alert>{failure(test.error)}</Alert> : null}
      {remove.isError ? <Alert>{failure(remove.error)}</Alert> : null}

      {showLog ? (
        <section className="wh-log" aria-label={t('webhooks.log.title')}>
          <h3 className="wh-log__title">{t('webhooks.log.title')}</h3>
          <DeliveryLog orgId={orgId} endpointId={endpoint.id} />
        </section>
      ) : null}
    </li>
  );
}
