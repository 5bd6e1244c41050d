import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextAreaField } from '@/components/ui/text-area-field';
import { isApiError } from '@/lib/api-client';
import { useDrillStruggled } from '../api/drill-struggled';
import { useRoom } from '../api/get-room';
import { useSaveScorecard, useScorecard } from '../api/scorecard';
import { COMPETENCIES, type Competency, type Recommendation, type Room, type Scorecard } from '../types';
import '../rooms.css';

const SCALE = [1, 2, 3, 4] as const;

/** The scorecard: the interviewer fills it in (and may revise it); everyone else reads it. */
export function ScorecardPage({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const room = useRoom(roomId);
  const card = useScorecard(roomId);
  const [editing, setEditing] = useState(false);
  if (room.isPending || card.isPending) return <Spinner label={t('common.loading')} />;
  if (room.isError) return <Alert>{room.error.message}</Alert>;
  if (card.isError) return <Alert>{isApiError(card.error, 'ROOM_FORBIDDEN') ? t('rooms.scorecard.private') : card.error.message}</Alert>;
  const interviewer = room.data.myRole === 'interviewer';
  return (
    <div className="rooms-page">
      <title>{`${t('rooms.scorecard.title')} · ${room.data.title} · goprep`}</title>
      <p>
        <Link to="/rooms">{t('rooms.title')}</Link>
      </p>
      <h1>
        {t('rooms.scorecard.title')}: {room.data.title}
      </h1>
      {interviewer && (editing || !card.data) ? (
        <ScorecardForm room={room.data} initial={card.data} onSaved={() => setEditing(false)} />
      ) : card.data ? (
        <>
          <ScorecardView room={room.data} card={card.data} />
          {room.data.kind === 'peer' && room.data.myRole === 'candidate' ? <DrillStruggled card={card.data} /> : null}
          {interviewer ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('rooms.scorecard.edit')}
            </Button>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('rooms.scorecard.none')}</p>
      )}
      <p>
        <Link to={`/rooms/${roomId}/replay`}>{t('rooms.replay.link')}</Link>
      </p>
    </div>
  );
}

function ScorecardForm({ room, initial, onSaved }: { room: Room; initial: Scorecard | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveScorecard(room.id);
  const [ratings, setRatings] = useState<Partial<Record<Competency, number>>>(initial?.ratings ?? {});
  const [recommendation, setRecommendation] = useState<Recommendation | ''>(initial?.recommendation ?? '');
  const [strengths, setStrengths] = useState(initial?.strengths ?? '');
  const [nextSteps, setNextSteps] = useState(initial?.nextSteps ?? '');
  const [comments, setComments] = useState(initial?.comments ?? '');
  const [struggled, setStruggled] = useState<string[]>(initial?.asked?.filter((a) => a.struggled).map((a) => a.questionId) ?? []);
  const [tried, setTried] = useState(false);
  const manager = room.kind === 'manager';
  // Rate what the round covered: at least one competency (the API takes any subset).
  const missing = COMPETENCIES.every((c) => ratings[c] === undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing) return;
    save.mutate(
      {
        ratings,
        ...(manager && recommendation ? { recommendation } : {}),
        ...(strengths.trim() ? { strengths: strengths.trim() } : {}),
        ...(nextSteps.trim() ? { nextSteps: nextSteps.trim() } : {}),
        ...(comments.trim() ? { comments: comments.trim() } : {}),
        struggled,
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="card rooms-scorecard" onSubmit={submit} noValidate data-testid="scorecard-form">
      <AskedList room={room} card={initial} struggled={struggled} onStruggled={setStruggled} />
      <fieldset className="rooms-scorecard__ratings">
        <legend>{t('rooms.scorecard.ratings')}</legend>
        <p className="muted">{t('rooms.scorecard.scale')}</p>
        {COMPETENCIES.map((c) => (
          <fieldset key={c} className="rooms-scorecard__row" data-competency={c}>
            <legend>{t(`rooms.competency.${c}`)}</legend>
            <div className="rooms-scorecard__scale">
              {SCALE.map((n) => (
                <label key={n} className="rooms-scorecard__option">
                  <input type="radio" name={`rating-${c}`} value={n} checked={ratings[c] === n} onChange={() => setRatings((r) => ({ ...r, [c]: n }))} />
                  <span>
                    {n} · {t(`rooms.scorecard.level${n}`)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </fieldset>
      {manager ? (
        <fieldset className="rooms-scorecard__row">
          <legend>{t('rooms.scorecard.recommendation')}</legend>
          <div className="rooms-scorecard__scale">
            {(['hire', 'no-hire'] as const).map((r) => (
              <label key={r} className="rooms-scorecard__option">
                <input type="radio" name="recommendation" value={r} checked={recommendation === r} onChange={() => setRecommendation(r)} />
                <span>{t(`rooms.scorecard.${r}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextAreaField label={t('rooms.scorecard.strengths')} rows={3} maxLength={4000} value={strengths} onChange={(e) => setStrengths(e.target.value)} />
      <TextAreaField label={t('rooms.scorecard.nextSteps')} rows={3} maxLength={4000} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} />
      <TextAreaField label={t('rooms.scorecard.comments')} rows={3} maxLength={4000} value={comments} onChange={(e) => setComments(e.target.value)} />
      <Alert>{tried && missing ? t('rooms.scorecard.incomplete') : save.isError ? save.error.message : null}</Alert>
      <Button type="submit" loading={save.isPending} data-testid="save-scorecard">
        {t('rooms.scorecard.save')}
      </Button>
    </form>
  );
}

/**
 * What was asked, with each question's rubric (the interviewer's). In the form, each question can
 * be marked as struggled with; the view shows the marks, which the learner can drill.
 */
function AskedList({ room, card, struggled, onStruggled }: { room?: Room; card: Scorecard | null; struggled?: string[]; onStruggled?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const all = card?.asked ?? (room?.asked ?? []).map((a) => ({ questionId: a.questionId, title: a.title, rubric: [] as string[], struggled: false }));
  // A question pushed twice is one entry.
  const asked = all.filter((a, i) => all.findIndex((b) => b.questionId === a.questionId) === i);
  return (
    <section aria-labelledby="asked-title">
      <h2 id="asked-title">{t('rooms.scorecard.asked')}</h2>
      {asked.length === 0 ? <p className="muted">{t('rooms.scorecard.nothingAsked')}</p> : null}
      <ul className="rooms-scorecard__asked">
        {asked.map((a) => (
          <li key={a.questionId} data-question-id={a.questionId}>
            <strong>{a.title}</strong>
            {onStruggled ? (
              <label className="rooms-scorecard__struggled">
                <input
                  type="checkbox"
                  checked={struggled?.includes(a.questionId) ?? false}
                  onChange={(e) => onStruggled(e.target.checked ? [...(struggled ?? []), a.questionId] : (struggled ?? []).filter((id) => id !== a.questionId))}
                />
                <span>{t('rooms.scorecard.markStruggled')}</span>
              </label>
            ) : a.struggled ? (
              <span className="rooms-scorecard__struggled-mark" data-testid="struggled-mark">
                <Badge tone="hard">{t('rooms.scorecard.struggled')}</Badge>
              </span>
            ) : null}
            {a.rubric?.length ? (
              <ul>
                {a.rubric.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A saved scorecard, read-only (also in a candidate's report, where there is no room to hand). */
export function ScorecardView({ room, card }: { room?: Room; card: Scorecard }) {
  const { t } = useTranslation();
  return (
    <div className="card rooms-scorecard" data-testid="scorecard-view">
      <AskedList room={room} card={card} />
      <h2>{t('rooms.scorecard.ratings')}</h2>
      <dl className="rooms-scorecard__view">
        {COMPETENCIES.map((c) => (
          <div key={c} data-competency={c}>
            <dt>{t(`rooms.competency.${c}`)}</dt>
            <dd>{card.ratings[c] !== undefined ? `${card.ratings[c]} / 4 · ${t(`rooms.scorecard.level${card.ratings[c]}`)}` : '—'}</dd>
          </div>
        ))}
        {card.recommendation ? (
          <div>
            <dt>{t('rooms.scorecard.recommendation')}</dt>
            <dd data-testid="scorecard-recommendation">{t(`rooms.scorecard.${card.recommendation}`)}</dd>
          </div>
        ) : null}
      </dl>
      {card.strengths ? (
        <>
          <h3>{t('rooms.scorecard.strengths')}</h3>
          <p className="rooms-scorecard__text">{card.strengths}</p>
        </>
      ) : null}
      {card.nextSteps ? (
        <>
          <h3>{t('rooms.scorecard.nextSteps')}</h3>
          <p className="rooms-scorecard__text">{card.nextSteps}</p>
        </>
      ) : null}
      {card.comments ? (
        <>
          <h3>{t('rooms.scorecard.comments')}</h3>
          <p className="rooms-scorecard__text">{card.comments}</p>
        </>
      ) : null}
    </div>
  );
}

/** "Drill what I struggled with": the questions the interviewer marked go to the learner's drill deck. */
function DrillStruggled({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const drill = useDrillStruggled();
  const ids = [...new Set((card.asked ?? []).filter((a) => a.struggled).map((a) => a.questionId))];
  if (ids.length === 0) return <p className="muted">{t('rooms.scorecard.noneStruggled')}</p>;
  return (
    <div className="rooms-scorecard__drill">
      <Button variant="secondary" disabled={drill.isPending || drill.isSuccess} loading={drill.isPending} onClick={() => drill.mutate(ids)} data-testid="drill-struggled">
        {t('rooms.scorecard.drillStruggled', { count: ids.length })}
      </Button>
      <p role="status" aria-live="polite" data-testid="drill-struggled-status">
        {drill.isSuccess ? (
          <>
            {t('rooms.scorecard.drillDone', { count: drill.data.added, skipped: drill.data.skipped })} <Link to="/drills">{t('rooms.scorecard.openDrills')}</Link>
          </>
        ) : null}
        {drill.isError ? t('rooms.scorecard.drillFailed') : null}
      </p>
    </div>
  );
}
