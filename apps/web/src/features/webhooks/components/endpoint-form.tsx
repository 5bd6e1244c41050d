import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import type { WebhookEndpointInput, WebhookEventType } from '../types';
import { checkWebhookForm, WEBHOOK_EVENTS } from '../utils/webhook-form';

export interface EndpointFormProps {
  initial?: { url: string; description: string; events: readonly WebhookEventType[]; enabled: boolean };
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: WebhookEndpointInput) => void;
  onCancel?: () => void;
}

/** URL, description, events and the enabled flag of an endpoint; the API's rules are checked before sending. */
export function EndpointForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: EndpointFormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(() => [...(initial?.events ?? ['attempt.submitted', 'attempt.graded'])]);
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [touched, setTouched] = useState(false);
  const problems = checkWebhookForm({ url, description, events });
  const urlProblem = touched ? problems.find((p) => p.startsWith('url-')) : undefined;
  const descriptionProblem = touched ? problems.find((p) => p.startsWith('description-')) : undefined;
  const eventsProblem = touched ? problems.find((p) => p.startsWith('events-')) : undefined;
  const serverUrlError = isApiError(error) && (error.code === 'WEBHOOK_TARGET_FORBIDDEN' || error.code === 'WEBHOOK_URL_INVALID') ? error.code : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.length > 0) return;
    onSubmit({ url: url.trim(), description: description.trim(), events, enabled });
  };

  return (
    <form className="form wh-form" onSubmit={submit} noValidate data-testid="webhook-form">
      <TextField
        label={t('webhooks.form.url')}
        type="url"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="https://ats.example.com/hooks/goprep"
        hint={t('webhooks.form.urlHint')}
        error={urlProblem ? t(`webhooks.problems.${urlProblem}`) : serverUrlError ? t(`webhooks.problems.${serverUrlError}`) : undefined}
        data-testid="webhook-url"
        autoComplete="off"
      />
      <TextField
        label={t('webhooks.form.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={descriptionProblem ? t(`webhooks.problems.${descriptionProblem}`) : undefined}
        data-testid="webhook-description"
      />
      <fieldset className="wh-events" aria-describedby={eventsProblem ? `${ids}-events-error` : undefined}>
        <legend className="field__label">{t('webhooks.form.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="wh-check">
            <input
              type="checkbox"
              checked={events.includes(event)}
              data-testid={`webhook-event-${event}`}
              onChange={(e) => setEvents((s) => (e.target.checked ? [...s, event] : s.filter((x) => x !== event)))}
            />
            <span>
              <code>{event}</code> <span className="muted small">{t(`webhooks.events.${event}`)}</span>
            </span>
          </label>
        ))}
        {eventsProblem ? (
          <p id={`${ids}-events-error`} className="field__error">
            {t(`webhooks.problems.${eventsProblem}`)}
          </p>
        ) : null}
      </fieldset>
      <label className="wh-check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="webhook-enabled" />
        <span>{t('webhooks.form.enabled')}</span>
      </label>
      <Alert>{error && !serverUrlError ? (isApiError(error) ? error.message : t('errors.network')) : null}</Alert>
      <div className="actions">
        <Button type="submit" loading={pending} data-testid="webhook-save">
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
