import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateOrg } from '../api/create-org';
import { useOrgs } from '../api/get-orgs';
import { InviteForm } from './invite-form';

// The API's rule (CreateOrganizationDto): 2 to 100 characters.
const ORG_NAME_MIN = 2;
const ORG_NAME_MAX = 100;

export function Organizations() {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const createOrg = useCreateOrg();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [openInvite, setOpenInvite] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    const value = name.trim();
    if ([...value].length < ORG_NAME_MIN || [...value].length > ORG_NAME_MAX) {
      setNameError(t('account.orgs.nameInvalid', { min: ORG_NAME_MIN, max: ORG_NAME_MAX }));
      nameRef.current?.focus();
      return;
    }
    setNameError(undefined);
    createOrg.mutate({ name: value }, { onSuccess: () => setName('') });
  };

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
              </div>
              {openInvite === org.id ? <InviteForm orgId={org.id} orgName={org.name} /> : null}
            </li>
          ))}
        </ul>
      )}

      <form className="form form--inline" onSubmit={onCreate} noValidate aria-label={t('account.orgs.create')}>
        <TextField
          ref={nameRef}
          label={t('account.orgs.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          maxLength={ORG_NAME_MAX * 2}
        />
        <Button type="submit" loading={createOrg.isPending}>
          {t('account.orgs.create')}
        </Button>
      </form>
      <Alert>
        {createOrg.isError ? (isApiError(createOrg.error) ? createOrg.error.message : t('errors.network')) : null}
      </Alert>
    </Card>
  );
}
