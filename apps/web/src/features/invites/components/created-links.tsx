import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { InviteCreated } from '../types';
import { linksText } from '../utils/invite-form';
import { CopyField } from '@/components/ui/copy-field';

/** The new links, shown this once (only their hashes are stored), each with a copy button. */
export function CreatedLinks({ invites, onDismiss }: { invites: InviteCreated[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form that created them is further down the page: bring the links into view and announce them.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card invites-created" aria-labelledby="invites-created-title" data-testid="created-links">
      <h3 id="invites-created-title" className="section-title" ref={headingRef} tabIndex={-1}>
        {t('invites.created.title', { count: invites.length })}
      </h3>
      <p className="alert alert--info">{t('invites.created.once')}</p>
      <ul className="invites-created__list">
        {invites.map((invite) => (
          <li key={invite.id} data-testid="created-link" data-email={invite.email}>
            <p className="invites-created__who">
              <strong>{invite.name || invite.email}</strong> <span className="muted small">{invite.email}</span>{' '}
              <Badge tone={invite.mailed ? 'easy' : 'neutral'}>{t(invite.mailed ? 'invites.created.mailed' : 'invites.created.notMailed')}</Badge>
            </p>
            <CopyField value={invite.link} label={t('invites.created.linkFor', { name: invite.name || invite.email })} testId="created-link-url" />
          </li>
        ))}
      </ul>
      {invites.length > 1 ? (
        <details>
          <summary>{t('invites.created.all')}</summary>
          <CopyField value={linksText(invites)} label={t('invites.created.all')} multiline />
        </details>
      ) : null}
      <div className="actions">
        <Button variant="secondary" onClick={onDismiss}>
          {t('invites.created.done')}
        </Button>
      </div>
    </section>
  );
}
