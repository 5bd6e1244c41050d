import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { useRooms } from '../api/get-rooms';
import '../rooms.css';

/** The learner's past peer practice rooms beside their quiz attempts, with the feedback the scorecard gave. */
export function PeerRoomHistory() {
  const { t, i18n } = useTranslation();
  const rooms = useRooms();
  if (rooms.isPending) return null;
  if (rooms.isError) return <Alert>{t('rooms.loadFailed')}</Alert>;
  const peer = rooms.data.filter((r) => r.kind === 'peer' && (r.status === 'ended' || r.scored));
  return (
    <section aria-labelledby="peer-history-title" className="rooms-section" data-testid="peer-room-history">
      <h2 id="peer-history-title">{t('rooms.peerHistory.title')}</h2>
      {peer.length === 0 ? (
        <p className="muted">
          {t('rooms.peerHistory.none')} <Link to="/rooms">{t('rooms.peerHistory.start')}</Link>
        </p>
      ) : (
        <ul className="rooms-list">
          {peer.map((room) => (
            <li key={room.id} className="card rooms-history__item" data-room-id={room.id}>
              <div className="rooms-history__head">
                <Link to={`/rooms/${room.id}/scorecard`} className="rooms-list__title">
                  {room.title || t('rooms.untitled')}
                </Link>
                <span className="muted small">
                  {new Date(room.createdAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' })} · {room.role} · {t(`rooms.level.${room.level}`)} · {t(`rooms.as.${room.myRole}`)}
                </span>
                {room.struggledCount > 0 ? <Badge tone="hard">{t('rooms.peerHistory.struggled', { count: room.struggledCount })}</Badge> : null}
              </div>
              {room.scored ? (
                <dl className="rooms-history__feedback">
                  {room.strengths ? (
                    <div>
                      <dt>{t('rooms.scorecard.strengths')}</dt>
                      <dd data-testid="history-strengths">{room.strengths}</dd>
                    </div>
                  ) : null}
                  {room.nextSteps ? (
                    <div>
                      <dt>{t('rooms.scorecard.nextSteps')}</dt>
                      <dd data-testid="history-next-steps">{room.nextSteps}</dd>
                    </div>
                  ) : null}
                </dl>
              ) : (
                <p className="muted small">{t('rooms.peerHistory.notScored')}</p>
              )}
              <p className="rooms-list__links">
                <Link to={`/rooms/${room.id}/scorecard`}>{t('rooms.scorecard.link')}</Link>
                <Link to={`/rooms/${room.id}/replay`}>{t('rooms.replay.link')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
