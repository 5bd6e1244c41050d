import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useReplay } from '../api/get-replay';
import { getRoomQueryOptions } from '../api/get-room';
import type { Replay } from '../types';
import { docAt, snapshotFiles } from '../utils/room-doc';
import { formatClock, timelinePosition } from '../utils/room-time';
import '../rooms.css';

const SPEEDS = [1, 2, 4, 8, 16] as const;
const TICK_MS = 100;

/** Plays the session back from its stored updates: play/pause, speed, a timeline with the notes, and the final code. */
export function ReplayPage({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const replay = useReplay(roomId);
  if (replay.isPending) return <Spinner label={t('common.loading')} />;
  if (replay.isError) return <Alert>{replay.error.message}</Alert>;
  return <ReplayPlayer roomId={roomId} replay={replay.data} />;
}

function finalFiles(replay: Replay): { name: string; content: string }[] {
  return Array.isArray(replay.finalFiles) ? replay.finalFiles : Object.entries(replay.finalFiles).map(([name, content]) => ({ name, content }));
}

function ReplayPlayer({ roomId, replay }: { roomId: string; replay: Replay }) {
  const { t } = useTranslation();
  const times = replay.updates.map((u) => Date.parse(u.at)).filter((n) => !Number.isNaN(n));
  const start = replay.startedAt ? Math.min(Date.parse(replay.startedAt), ...times) : (times[0] ?? 0);
  const end = Math.max(start, ...times, ...replay.notes.map((n) => Date.parse(n.at)).filter((n) => !Number.isNaN(n)));
  // The scorecard page is for the room's seats. An organization's manager who reviews a round they
  // did not run reads the replay (the API lets them) and the card in the candidate report, so the
  // link is only offered once the room answers for this caller; read once, not polled.
  const seated = useQuery({ ...getRoomQueryOptions(roomId), refetchInterval: false });
  const [position, setPosition] = useState(start);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(4);
  const [file, setFile] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      setPosition((p) => {
        const next = p + TICK_MS * speed;
        if (next >= end) {
          setPlaying(false);
          return end;
        }
        return next;
      });
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [playing, speed, end]);

  const files = useMemo(() => snapshotFiles(docAt(replay.updates, position)), [replay.updates, position]);
  const shown = files.find((f) => f.name === file) ?? files[0];
  const elapsed = Math.round((position - start) / 1000);
  const total = Math.round((end - start) / 1000);
  const final = finalFiles(replay);

  return (
    <div className="rooms-page replay" data-testid="replay">
      <title>{`${t('rooms.replay.title')} · goprep`}</title>
      {/* The line is kept while the room loads, so the page does not shift when the link appears. */}
      <p className="replay__links">{seated.isSuccess ? <Link to={`/rooms/${roomId}/scorecard`}>{t('rooms.scorecard.link')}</Link> : null}</p>
      <h1>{t('rooms.replay.title')}</h1>
      {replay.updates.length === 0 ? <p className="muted">{t('rooms.replay.empty')}</p> : null}
      <div className="replay__controls">
        <Button
          onClick={() => {
            if (!playing && position >= end) setPosition(start);
            setPlaying(!playing);
          }}
          data-testid="replay-play"
          disabled={replay.updates.length === 0}
        >
          {playing ? t('rooms.replay.pause') : t('rooms.replay.play')}
        </Button>
        <div className="field replay__speed">
          <label className="field__label" htmlFor="replay-speed">
            {t('rooms.replay.speed')}
          </label>
          <select id="replay-speed" className="input select" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </div>
        <span className="replay__clock" data-testid="replay-clock">
          {formatClock(elapsed)} / {formatClock(total)}
        </span>
      </div>
      <div className="replay__timeline">
        <input
          type="range"
          min={start}
          max={end}
          step={100}
          value={position}
          onChange={(e) => {
            setPlaying(false);
            setPosition(Number(e.target.value));
          }}
          aria-label={t('rooms.replay.timeline')}
          aria-valuetext={`${formatClock(elapsed)} / ${formatClock(total)}`}
          data-testid="replay-timeline"
        />
        <ol className="replay__marks" aria-label={t('rooms.replay.notes')}>
          {replay.notes.map((n) => (
            <li key={n.id} style={{ left: `${timelinePosition(n.at, start, end) * 100}%` }}>
              <button
                type="button"
                className="replay__mark"
                title={n.body}
                aria-label={`${formatClock(Math.round((Date.parse(n.at) - start) / 1000))} ${n.body}`}
                onClick={() => {
                  setPlaying(false);
                  setPosition(Date.parse(n.at));
                }}
              />
            </li>
          ))}
        </ol>
      </div>
      <div className="replay__grid">
        <section className="card" aria-labelledby="replay-code-title">
          <h2 id="replay-code-title">{t('rooms.replay.code')}</h2>
          <div className="room__tabs" role="tablist" aria-label={t('rooms.room.files')}>
            {files.map((f) => (
              <button key={f.name} type="button" role="tab" aria-selected={f === shown} className={f === shown ? 'room__tab room__tab--active' : 'room__tab'} onClick={() => setFile(f.name)}>
                {f.name}
              </button>
            ))}
          </div>
          <pre className="replay__code" data-testid="replay-code">
            {shown?.content ?? ''}
          </pre>
        </section>
        {replay.notes.length ? (
          <section className="card" aria-labelledby="replay-notes-title">
            <h2 id="replay-notes-title">{t('rooms.replay.notes')}</h2>
            <ol className="room__note-list" data-testid="replay-notes">
              {replay.notes.map((n) => (
                <li key={n.id} className={Date.parse(n.at) <= position ? '' : 'muted'}>
                  <time dateTime={n.at}>{formatClock(Math.round((Date.parse(n.at) - start) / 1000))}</time> {n.body}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
      <details className="card">
        <summary>{t('rooms.replay.final')}</summary>
        {final.map((f) => (
          <div key={f.name}>
            <h3 className="mono">{f.name}</h3>
            <pre className="replay__code" data-testid="replay-final">
              {f.content}
            </pre>
          </div>
        ))}
        <p className="muted">{t('rooms.room.runCount', { count: replay.runs.length })}</p>
      </details>
    </div>
  );
}
