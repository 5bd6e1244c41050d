import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { useOrgs } from '../api/get-orgs';
import { CreateOrgForm } from './create-org-form';
import { InviteForm } from './invite-form';
import { SsoSettingsForm } from './sso-settings-form';

export function Organizations() {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const [openInvite, setOpenInvite] = useState<string | null>(null);
  const [openSso, setOpenSso] = useState<string | null>(null);

  return (
    <Card aria-labelledby="orgs-title">
      <h2 id="orgs-title" className="card__title">
        {t('account.orgs.title')}
      </h2>
      <p className="muted">{t('account.orgs.lead')}</p>

      {orgs.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : orgs.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : orgs.data.length === 0 ? (
        <p className="empty">{t('account.orgs.empty')}</p>
      ) : (
        <ul className="org-list" data-testid="org-list">
          {orgs.data.map((org) => (
            <li key={org.id} className="org-list__item">
              <div className="org-list__row">
                <span className="org-list__name">{org.name}</span>
                <Badge>{t(`orgRoles.${org.role}`, { defaultValue: org.role })}</Badge>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-expanded={openInvite === org.id}
                  onClick={() => setOpenInvite(openInvite === org.id ? null : org.id)}
                >
                  {t('account.orgs.invite')}
                </Button>
                <Button variant="ghost" size="sm" aria-expanded={openSso === org.id} onClick={() => setOpenSso(openSso === org.id ? null : org.id)}>
                  {t('sso.settings.open')}
                </Button>
                <Link className="btn btn--ghost btn--sm" to={`/hiring/orgs/${org.id}/settings`}>
                  {t('account.orgs.settings')}
                </Link>
              </div>
              {openInvite === org.id ? <InviteForm orgId={org.id} orgName={org.name} /> : null}
              {openSso === org.id ? <SsoSettingsForm orgId={org.id} orgName={org.name} /> : null}
            </li>
          ))}
        </ul>
      )}

      <CreateOrgForm />
    </Card>
  );
}
