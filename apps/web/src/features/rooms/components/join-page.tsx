import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useJoinRoom } from '../api/join-room';
import '../rooms.css';

/** The join link's page: a user joins with their account; a guest (a candidate) just gives a name. */
export function JoinPage({ joinToken }: { joinToken: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const join = useJoinRoom();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const guest = !user.data;
  const nameError = guest && name.trim().length === 0 ? t('rooms.join.nameRequired') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (nameError) return;
    join.mutate({ joinToken, ...(guest ? { displayName: name.trim() } : {}) }, { onSuccess: ({ room }) => void navigate(`/rooms/${room.id}`, { replace: true }) });
  };

  if (user.isPending) return <Spinner label={t('common.loading')} />;

  const errorText = join.isError
    ? isApiError(join.error, 'ROOM_EXPIRED')
      ? t('rooms.join.expired')
      : isApiError(join.error) && join.error.status === 404
        ? t('rooms.join.invalid')
        : join.error.message
    : null;

  return (
    <form className="card rooms-join" onSubmit={submit} noValidate aria-labelledby="join-title">
      <title>{`${t('rooms.join.title')} · goprep`}</title>
      <h1 id="join-title">{t('rooms.join.title')}</h1>
      <p className="muted">{guest ? t('rooms.join.guestLead') : t('rooms.join.userLead', { name: user.data?.displayName || user.data?.email || '' })}</p>
      {guest ? (
        <TextField
          label={t('rooms.join.name')}
          value={name}
          maxLength={60}
          autoComplete="name"
          autoFocus
          onChange={(e) => setName(e.target.value)}
          error={touched ? nameError : undefined}
          data-testid="join-name"
        />
      ) : null}
      <Alert>{errorText}</Alert>
      <Button type="submit" loading={join.isPending} data-testid="join-room">
        {t('rooms.join.submit')}
      </Button>
    </form>
  );
}
