import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Told right after the review that made a card a leech: it is suspended until taken back. */
export function LeechNotice({ lapses }: { lapses: number }) {
  const { t } = useTranslation();
  return (
    <div className="alert leech-notice" role="alert" data-testid="leech-notice">
      <p className="leech-notice__title">{t('drillsDashboard.leechNotice.title')}</p>
      <p className="small">{t('drillsDashboard.leechNotice.text', { count: lapses })}</p>
      <Link to="/drills/stats#suspended" className="small">
        {t('drillsDashboard.leechNotice.link')}
      </Link>
    </div>
  );
}
