import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useInviteRooms } from '../api/get-invite-rooms';
import type { Scorecard } from '../types';
import { ScorecardView } from './scorecard-page';
import '../rooms.css';

/** A candidate's live rounds in their report: each room's scorecard and its replay (managers of the organization). */
export function InviteRoomsSection({ orgId, inviteId }: { orgId: string; inviteId: string }) {
  const { t, i18n } = useTranslation();
  const rooms = useInviteRooms(orgId, inviteId);
  if (rooms.isPending) return <Spinner label={t('common.loading')} />;
  if (rooms.isError) return <Alert>{t('rooms.report.loadFailed')}</Alert>;
  if (rooms.data.length === 0) return null;
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="report-rooms-title" className="rooms-report" data-testid="report-rooms">
      <h2 id="report-rooms-title" className="section-title">
        {t('rooms.report.title', { count: rooms.data.length })}
      </h2>
      <ul className="rooms-report__list">
        {rooms.data.map((room) => (
          <li key={room.roomId} className="rooms-report__room" data-room-id={room.roomId}>
            <p className="rooms-report__head">
              <strong>{room.title}</strong>{' '}
              <span className="muted small">
                {t('rooms.report.by', { name: room.interviewer, date: date(room.createdAt) })} · {t(`rooms.report.status.${room.status}`)}
              </span>{' '}
              <Link to={room.replayPath}>{t('rooms.replay.link')}</Link>
            </p>
            {room.scorecard ? <ScorecardView card={room.scorecard as Scorecard} /> : <p className="muted">{t('rooms.report.notScored')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
