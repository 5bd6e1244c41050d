import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateRoom } from '../api/create-room';
import { useRooms } from '../api/get-rooms';
import { LEVELS, ROLES, type RoomKind, type RoomLevel, type RoomSummary } from '../types';
import '../rooms.css';

/** "Mock interview rooms": start a room (a peer practice room, or a manager's room for a candidate) and the rooms I was in. */
export function RoomsPage() {
  const { t } = useTranslation();
  const rooms = useRooms();
  const open = rooms.data?.filter((r) => r.status === 'open') ?? [];
  const ended = rooms.data?.filter((r) => r.status === 'ended') ?? [];
  return (
    <div className="rooms-page">
      <title>{`${t('rooms.title')} · goprep`}</title>
      <PageHeader title={t('rooms.title')} lead={t('rooms.lead')} />
      <CreateRoomForm />
      <section aria-labelledby="rooms-open" className="rooms-section">
        <h2 id="rooms-open">{t('rooms.openRooms')}</h2>
        {rooms.isPending ? <Spinner label={t('common.loading')} /> : null}
        {rooms.isError ? <Alert>{t('rooms.loadFailed')}</Alert> : null}
        {rooms.data && open.length === 0 ? <p className="muted">{t('rooms.noOpen')}</p> : null}
        <RoomList rooms={open} />
      </section>
      <section aria-labelledby="rooms-history" className="rooms-section">
        <h2 id="rooms-history">{t('rooms.history')}</h2>
        {rooms.data && ended.length === 0 ? <p className="muted">{t('rooms.noHistory')}</p> : null}
        <RoomList rooms={ended} />
      </section>
    </div>
  );
}

function RoomList({ rooms }: { rooms: RoomSummary[] }) {
  const { t } = useTranslation();
  if (rooms.length === 0) return null;
  return (
    <ul className="rooms-list" data-testid="rooms-list">
      {rooms.map((room) => (
        <li key={room.id} className="card rooms-list__item">
          <div>
            <Link to={`/rooms/${room.id}`} className="rooms-list__title">
              {room.title || t('rooms.untitled')}
            </Link>
            <p className="muted rooms-list__meta">
              {t(`rooms.kind.${room.kind}`)} · {room.role} · {t(`rooms.level.${room.level}`)} · {t(`rooms.as.${room.myRole}`)}
            </p>
          </div>
          {room.status === 'ended' ? (
            <div className="rooms-list__links">
              <Link to={`/rooms/${room.id}/scorecard`}>{t('rooms.scorecard.link')}</Link>
              <Link to={`/rooms/${room.id}/replay`}>{t('rooms.replay.link')}</Link>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function CreateRoomForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const inviteId = params.get('inviteId') ?? undefined;
  const [kind, setKind] = useState<RoomKind>(inviteId || params.get('kind') === 'manager' ? 'manager' : 'peer');
  const [title, setTitle] = useState('');
  const [role, setRole] = useState<string>(ROLES[0]);
  const [level, setLevel] = useState<RoomLevel>('mid');
  const [duration, setDuration] = useState('45');
  const create = useCreateRoom();
  const minutes = Number(duration);
  const durationError = Number.isInteger(minutes) && minutes >= 5 && minutes <= 240 ? undefined : t('rooms.create.durationInvalid');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (durationError) return;
    create.mutate(
      { kind, role, level, durationMinutes: minutes, ...(title.trim() ? { title: title.trim() } : {}), ...(inviteId ? { inviteId } : {}) },
      { onSuccess: (room) => void navigate(`/rooms/${room.id}`) },
    );
  };

  return (
    <form className="card rooms-create" onSubmit={submit} aria-labelledby="rooms-create-title" noValidate>
      <h2 id="rooms-create-title">{t('rooms.create.title')}</h2>
      <div className="rooms-create__grid">
        <SelectField
          label={t('rooms.create.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as RoomKind)}
          options={[
            { value: 'peer', label: t('rooms.kind.peer') },
            { value: 'manager', label: t('rooms.kind.manager') },
          ]}
        />
        <TextField label={t('rooms.create.name')} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder={t('rooms.create.namePlaceholder')} />
        <SelectField label={t('rooms.create.role')} value={role} onChange={(e) => setRole(e.target.value)} options={ROLES.map((r) => ({ value: r, label: r }))} />
        <SelectField label={t('rooms.create.level')} value={level} onChange={(e) => setLevel(e.target.value as RoomLevel)} options={LEVELS.map((l) => ({ value: l, label: t(`rooms.level.${l}`) }))} />
        <TextField
          label={t('rooms.create.duration')}
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          error={duration !== '' ? durationError : undefined}
        />
      </div>
      <p className="muted">{kind === 'peer' ? t('rooms.create.peerHint') : t('rooms.create.managerHint')}</p>
      <Alert>{create.isError ? (isApiError(create.error, 'FORBIDDEN') ? t('rooms.create.forbidden') : create.error.message) : null}</Alert>
      <Button type="submit" loading={create.isPending} data-testid="create-room">
        {t('rooms.create.submit')}
      </Button>
    </form>
  );
}
