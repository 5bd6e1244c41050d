import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { useWebhooks } from '../api/get-webhooks';
import { useCreateWebhook } from '../api/create-webhook';
import type { WebhookEndpointCreated } from '../types';
import { EndpointCard } from './endpoint-card';
import { EndpointForm } from './endpoint-form';
import { SecretBox } from './secret-box';
import '../webhooks.css';

/** An organization's webhook settings: register endpoints, then manage each one and read its delivery log. */
export function WebhooksPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const endpoints = useWebhooks(orgId);
  const create = useCreateWebhook(orgId);
  const [created, setCreated] = useState<WebhookEndpointCreated | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="stack wh-stack">
      <Card aria-labelledby="wh-create-title">
        <h2 id="wh-create-title" className="section-title">
          {t('webhooks.form.title')}
        </h2>
        <p className="muted small">{t('webhooks.form.lead')}</p>
        {created ? (
          <div className="wh-created" role="status" data-testid="webhook-created">
            <p>{t('webhooks.form.created', { url: created.url })}</p>
            <SecretBox secret={created.secret} label={t('webhooks.secret.label')} />
            <p className="muted small">{t('webhooks.secret.hint')}</p>
            <Button variant="ghost" size="sm" onClick={() => setCreated(null)}>
              {t('webhooks.form.dismiss')}
            </Button>
          </div>
        ) : null}
        <EndpointForm
          key={formKey}
          submitLabel={t('webhooks.form.add')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (endpoint) => {
                setCreated(endpoint);
                setFormKey((k) => k + 1);
              },
            })
          }
        />
      </Card>

      <section className="card" aria-labelledby="wh-list-title" data-testid="webhook-list">
        <h2 id="wh-list-title" className="section-title">
          {t('webhooks.list.title')}
        </h2>
        {endpoints.isPending ? (
          <Spinner label={t('common.loading')} />
        ) : endpoints.isError ? (
          <Alert>{t('errors.loadFailed')}</Alert>
        ) : endpoints.data.length === 0 ? (
          <p className="empty">{t('webhooks.list.empty')}</p>
        ) : (
          <ul className="wh-endpoints">
            {endpoints.data.map((e) => (
              <EndpointCard key={e.id} orgId={orgId} endpoint={e} />
            ))}
          </ul>
        )}
        <p className="muted small">{t('webhooks.list.docs')}</p>
      </section>
    </div>
  );
}
