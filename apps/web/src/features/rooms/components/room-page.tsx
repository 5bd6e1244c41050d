import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { CopyField } from '@/components/ui/copy-field';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useRoom } from '../api/get-room';
import { useJoinLinks, useReissueJoinLinks } from '../api/join-links';
import { endRoom, startRoom, swapRoles, useRoomAction, useRunCode } from '../api/room-actions';
import { useFileNames, usePresence, usePrompt, useRoomConnection, useRuns, type ConnectionStatus } from '../hooks/use-room-connection';
import type { Room, RunEntry } from '../types';
import { formatClock, participantColor, remainingSeconds } from '../utils/room-time';
import { InterviewerPanel } from './interviewer-panel';
import '../rooms.css';

const RoomEditor = lazy(() => import('./room-editor'));

/** The live room: loads the room, then the shared workspace (or, once ended, the way to the scorecard and replay). */
export function RoomPage({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const room = useRoom(roomId);
  if (room.isPending) return <Spinner label={t('common.loading')} />;
  // A failed poll (the API restarting, a dropped network) keeps the workspace and what is typed in
  // it: the provider reconnects by itself and the connection badge says what is going on.
  if (room.isError && !room.data) {
    const denied = isApiError(room.error) && (room.error.status === 401 || room.error.status === 403 || room.error.status === 404);
    return (
      <div className="card rooms-join" role="alert">
        <h1>{t(denied ? 'rooms.room.notMember' : isApiError(room.error, 'ROOM_EXPIRED') ? 'rooms.join.expired' : 'errors.unexpectedTitle')}</h1>
        <p className="muted">{denied ? t('rooms.room.notMemberLead') : room.error.message}</p>
      </div>
    );
  }
  if (room.data.status === 'ended') return <EndedRoom room={room.data} />;
  return <RoomWorkspace room={room.data} />;
}

function EndedRoom({ room }: { room: Room }) {
  const { t } = useTranslation();
  return (
    <div className="card rooms-join" data-testid="room-ended">
      <title>{`${room.title} · goprep`}</title>
      <h1>{room.title}</h1>
      <p>{t('rooms.room.ended')}</p>
      <div className="rooms-list__links">
        {/* A hiring round's scorecard stays with the organization: its candidate has no link to it. */}
        {room.myRole === 'interviewer' || room.kind === 'peer' ? (
          <Link to={`/rooms/${room.id}/scorecard`} className="btn btn--primary">
            {room.myRole === 'interviewer' ? t('rooms.scorecard.fill') : t('rooms.scorecard.link')}
          </Link>
        ) : null}
        <Link to={`/rooms/${room.id}/replay`} className="btn btn--secondary">
          {t('rooms.replay.link')}
        </Link>
      </div>
    </div>
  );
}

function myName(room: Room): string {
  return room.members.find((m) => m.role === room.myRole)?.name ?? room.myRole;
}

function RoomWorkspace({ room }: { room: Room }) {
  const { t } = useTranslation();
  const name = myName(room);
  const user = useMemo(() => ({ name, color: participantColor(name), role: room.myRole }), [name, room.myRole]);
  const { doc, provider, status, synced } = useRoomConnection(room.id, user);
  const files = useFileNames(doc);
  const prompt = usePrompt(doc);
  const runs = useRuns(doc);
  const presence = usePresence(provider);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const active = chosen && files.includes(chosen) ? chosen : files[0];
  const run = useRunCode(room.id);
  const start = useRoomAction(room.id, startRoom);
  const swap = useRoomAction(room.id, swapRoles);
  const end = useRoomAction(room.id, endRoom);
  const interviewer = room.myRole === 'interviewer';
  const lastRun = runs.at(-1);
  const running = run.isPending || (lastRun !== undefined && lastRun.state !== 'done' && lastRun.state !== 'failed' && lastRun.state !== 'error');

  const onRun = () => {
    if (!running) run.mutate();
  };

  return (
    <div className="room" data-testid="room" data-my-role={room.myRole} data-synced={synced}>
      <title>{`${room.title} · goprep`}</title>
      <header className="room__bar">
        <div className="room__heading">
          <h1 className="room__title">{room.title}</h1>
          <p className="muted room__meta">
            {t(`rooms.kind.${room.kind}`)} · {room.role} · {t(`rooms.level.${room.level}`)} · <strong>{t(`rooms.as.${room.myRole}`)}</strong>
          </p>
        </div>
        <RoomTimer room={room} />
        <ConnectionBadge status={status} />
        <ul className="room__people" aria-label={t('rooms.room.people')} data-testid="room-presence">
          {presence.map((p) => (
            <li key={p.clientId} className="room__person" style={{ borderColor: p.color }}>
              <span className="room__dot" style={{ background: p.color }} aria-hidden="true" />
              {p.name}
              <span className="muted"> · {t(`rooms.role.${p.role}`)}</span>
              {p.self ? <span className="visually-hidden"> ({t('rooms.room.you')})</span> : null}
            </li>
          ))}
        </ul>
        <div className="room__actions">
          {interviewer && !room.timerStartedAt ? (
            <Button size="sm" onClick={() => start.mutate()} loading={start.isPending} data-testid="start-timer">
              {t('rooms.room.start')}
            </Button>
          ) : null}
          {room.kind === 'peer' ? (
            <Button size="sm" variant="secondary" onClick={() => swap.mutate()} loading={swap.isPending} data-testid="swap-roles">
              {t('rooms.room.swap')}
            </Button>
          ) : null}
          {interviewer ? (
            <Button
              size="sm"
              variant="danger"
              loading={end.isPending}
              data-testid="end-room"
              onClick={() => {
                if (window.confirm(t('rooms.room.endConfirm'))) end.mutate();
              }}
            >
              {t('rooms.room.end')}
            </Button>
          ) : null}
        </div>
      </header>
      <Alert>{[start, swap, end].find((m) => m.isError)?.error?.message ?? null}</Alert>
      {status === 'denied' ? <Alert>{t('rooms.room.denied')}</Alert> : null}
      {interviewer ? <InviteLinks room={room} /> : null}
      <div className={interviewer ? 'room__grid room__grid--panel' : 'room__grid'}>
        <section className="card room__prompt" aria-labelledby="room-prompt-title">
          <h2 id="room-prompt-title">{t('rooms.room.prompt')}</h2>
          {prompt ? <Markdown source={prompt} className="room__markdown" /> : <p className="muted">{t('rooms.room.noPrompt')}</p>}
        </section>
        <section className="room__work" aria-label={t('rooms.room.editor')}>
          <div className="room__tabs" role="tablist" aria-label={t('rooms.room.files')}>
            {files.map((f) => (
              <button
                key={f}
                type="button"
                role="tab"
                aria-selected={f === active}
                className={f === active ? 'room__tab room__tab--active' : 'room__tab'}
                onClick={() => setChosen(f)}
              >
                {f}
              </button>
            ))}
            <Button size="sm" className="room__run" onClick={onRun} loading={running} disabled={!synced} data-testid="room-run" title={t('rooms.room.runShortcut')}>
              {t('rooms.room.run')}
            </Button>
          </div>
          {synced && active ? (
            <Suspense fallback={<Spinner label={t('common.loading')} />}>
              <RoomEditor
                roomId={room.id}
                doc={doc}
                provider={provider}
                file={active}
                label={t('rooms.room.editorLabel', { file: active })}
                presence={presence}
                onRun={onRun}
              />
            </Suspense>
          ) : (
            <div className="room-editor room-editor--waiting">
              <Spinner label={t('rooms.room.connecting')} />
            </div>
          )}
          <Alert>{run.isError ? run.error.message : null}</Alert>
          <RunOutput runs={runs} />
        </section>
        {interviewer ? <InterviewerPanel room={room} /> : null}
      </div>
    </div>
  );
}

/** The creator's links for the seats still open; shown after creation, and minted anew on request. */
function InviteLinks({ room }: { room: Room }) {
  const { t } = useTranslation();
  const links = useJoinLinks(room.id);
  const reissue = useReissueJoinLinks(room.id);
  const open = room.members.filter((m) => !m.joined);
  if (open.length === 0 && !links.data) return null;
  return (
    <details className="card room__links" open={open.some((m) => m.role === 'candidate')}>
      <summary>{t('rooms.room.invite')}</summary>
      {links.data?.candidate ? <CopyField visibleLabel label={t('rooms.room.candidateLink')} value={`${window.location.origin}${links.data.candidate}`} testId="candidate-link" /> : null}
      {links.data?.interviewer ? (
        <CopyField visibleLabel label={t('rooms.room.interviewerLink')} value={`${window.location.origin}${links.data.interviewer}`} testId="interviewer-link" />
      ) : null}
      {!links.data ? <p className="muted">{t('rooms.room.linksHidden')}</p> : null}
      <Alert>{reissue.isError ? reissue.error.message : null}</Alert>
      <Button size="sm" variant="secondary" onClick={() => reissue.mutate()} loading={reissue.isPending} data-testid="reissue-links">
        {t('rooms.room.newLinks')}
      </Button>
    </details>
  );
}

function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`room__status room__status--${status}`} role="status" data-testid="room-connection" data-status={status}>
      {t(`rooms.connection.${status}`)}
    </span>
  );
}

function RoomTimer({ room }: { room: Room }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!room.timerStartedAt) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [room.timerStartedAt]);
  const left = remainingSeconds(room.timerStartedAt, room.durationMinutes, now);
  return (
    <div className="room__timer" data-testid="room-timer" aria-label={t('rooms.room.timer')}>
      {left === null ? (
        <span className="muted">{t('rooms.room.timerIdle', { minutes: room.durationMinutes })}</span>
      ) : (
        <span className={left === 0 ? 'room__clock room__clock--up' : 'room__clock'}>{left === 0 ? t('rooms.room.timeUp') : formatClock(left)}</span>
      )}
    </div>
  );
}

function RunOutput({ runs }: { runs: RunEntry[] }) {
  const { t } = useTranslation();
  const last = runs.at(-1);
  return (
    <section className="card room__output" aria-labelledby="room-output-title" aria-live="polite" data-testid="room-output">
      <h2 id="room-output-title">{t('rooms.room.output')}</h2>
      {!last ? <p className="muted">{t('rooms.room.noRuns')}</p> : null}
      {last ? (
        <div data-testid="room-run-result" data-state={last.state} data-verdict={last.verdict ?? ''}>
          <p>
            <strong>{last.verdict ? t(`rooms.verdict.${last.verdict}`, { defaultValue: last.verdict }) : t(`rooms.runState.${last.state}`, { defaultValue: last.state })}</strong>{' '}
            <span className="muted">
              {t('rooms.room.runCount', { count: runs.length })} · {new Date(last.at).toLocaleTimeString()}
            </span>
          </p>
          <ul className="room__tests">
            {(last.tests ?? []).map((test) => (
              <li key={test.name} className={test.passed ? 'room__test room__test--pass' : 'room__test room__test--fail'}>
                <span>{test.passed ? '✓' : '✗'}</span> <code>{test.name}</code>
                {test.output ? <pre>{test.output}</pre> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
