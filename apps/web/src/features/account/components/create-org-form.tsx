import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateOrg } from '../api/create-org';

// The API's rule (CreateOrganizationDto): 2 to 100 characters.
const ORG_NAME_MIN = 2;
const ORG_NAME_MAX = 100;

/** Names and creates an organization (the creator becomes its owner); used on Account and on an empty Hiring page. */
export function CreateOrgForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const createOrg = useCreateOrg();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
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
    <>
      <form className="form form--inline" onSubmit={onCreate} noValidate aria-label={t('account.orgs.create')} data-testid="create-org-form">
        <TextField
          ref={nameRef}
          label={t('account.orgs.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          maxLength={ORG_NAME_MAX * 2}
          autoFocus={autoFocus}
        />
        <Button type="submit" loading={createOrg.isPending}>
          {t('account.orgs.create')}
        </Button>
      </form>
      <Alert>{createOrg.isError ? (isApiError(createOrg.error) ? createOrg.error.message : t('errors.network')) : null}</Alert>
    </>
  );
}
