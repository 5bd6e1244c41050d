import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextAreaField } from '@/components/ui/text-area-field';
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
  if (card.isError) return <Alert>{card.error.message}</Alert>;
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
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="card rooms-scorecard" onSubmit={submit} noValidate data-testid="scorecard-form">
      <AskedList room={room} card={initial} />
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

function AskedList({ room, card }: { room: Room; card: Scorecard | null }) {
  const { t } = useTranslation();
  const asked = card?.asked ?? room.asked.map((a) => ({ questionId: a.questionId, title: a.title, rubric: [] as string[] }));
  return (
    <section aria-labelledby="asked-title">
      <h2 id="asked-title">{t('rooms.scorecard.asked')}</h2>
      {asked.length === 0 ? <p className="muted">{t('rooms.scorecard.nothingAsked')}</p> : null}
      <ul className="rooms-scorecard__asked">
        {asked.map((a) => (
          <li key={a.questionId}>
            <strong>{a.title}</strong>
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

function ScorecardView({ room, card }: { room: Room; card: Scorecard }) {
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
