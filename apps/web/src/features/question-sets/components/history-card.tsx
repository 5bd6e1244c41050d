import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { useAudit, type AuditEvent } from '../api/get-audit';
import { dateLabel } from './labels';

const SHOWN = 6;
const FIELDS = ['title', 'instructions', 'timeLimitSeconds', 'shuffleOptions', 'overduePolicy', 'submitGraceSeconds', 'reviewPolicy', 'language', 'items'];
const KNOWN = ['created', 'imported', 'draft-saved', 'published', 'duplicated', 'archived', 'unarchived'];

function describe(t: (key: string, options?: Record<string, unknown>) => string, event: AuditEvent): string {
  const version = typeof event.detail['version'] === 'number' ? event.detail['version'] : undefined;
  const changed = Array.isArray(event.detail['changed']) ? (event.detail['changed'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const base = KNOWN.includes(event.action) ? t(`questionSets.history.actions.${event.action}`, { version }) : event.action;
  const fields = changed.map((f) => (FIELDS.includes(f) ? t(`questionSets.history.fields.${f}`) : f));
  // Chinese lists take 、 and full-width brackets: the separator and the wrapper are messages.
  return fields.length > 0 ? t('questionSets.history.withFields', { action: base, fields: fields.join(t('questionSets.history.fieldSeparator')) }) : base;
}

/** The set's audit trail: who created, saved, published, duplicated or archived it, and when. */
export function HistoryCard({ orgId, setId }: { orgId: string; setId: string }) {
  const { t, i18n } = useTranslation();
  const audit = useAudit(orgId, setId);
  const [all, setAll] = useState(false);
  const events = audit.data ?? [];
  const shown = all ? events : events.slice(0, SHOWN);
  return (
    <Card aria-labelledby="qs-history-title" data-testid="set-history">
      <h2 id="qs-history-title" className="card__title">
        {t('questionSets.history.title')}
      </h2>
      {audit.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : audit.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : (
        <>
          <ol className="qs-history">
            {shown.map((event) => (
              <li key={event.id}>
                <span>
                  <strong>{event.actor?.displayName ?? t('questionSets.history.system')}</strong> {describe(t, event)}
                </span>
                <time className="muted small" dateTime={event.at}>
                  {dateLabel(event.at, i18n.language)}
                </time>
              </li>
            ))}
          </ol>
          {events.length > SHOWN ? (
            <button type="button" className="btn btn--ghost btn--sm" aria-expanded={all} onClick={() => setAll((x) => !x)}>
              {all ? t('questionSets.history.fewer') : t('questionSets.history.all', { count: events.length })}
            </button>
          ) : null}
        </>
      )}
    </Card>
  );
}
