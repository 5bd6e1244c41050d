import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import type { InviteCreated } from '../types';
import { CreateInvitesForm } from './create-invites-form';
import { CreatedLinks } from './created-links';
import { InviteList } from './invite-list';
import '../invites.css';

/** The invites page of a set: create (one or in bulk), the links shown once, and the list with its actions. */
export function InvitesPanel({ orgId, setId, resultsPath }: { orgId: string; setId: string; resultsPath: string }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<InviteCreated[] | null>(null);
  return (
    <div className="stack hiring-stack">
      {created ? <CreatedLinks invites={created} onDismiss={() => setCreated(null)} /> : null}
      <Card aria-labelledby="invites-form-title">
        <h2 id="invites-form-title" className="section-title">
          {t('invites.form.title')}
        </h2>
        <p className="muted small">{t('invites.form.lead')}</p>
        <CreateInvitesForm orgId={orgId} setId={setId} onCreated={setCreated} />
      </Card>
      <InviteList orgId={orgId} setId={setId} resultsPath={resultsPath} />
    </div>
  );
}
