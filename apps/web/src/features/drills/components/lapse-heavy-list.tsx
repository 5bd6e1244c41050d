import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useLapseHeavy } from '../api/get-lapse-heavy';
import { topicLabel } from './labels';
import '../drills-dashboard.css';

/** Admins: questions learners keep forgetting, as possible bad items to check. */
export function LapseHeavyList() {
  const { t, i18n } = useTranslation();
  const list = useLapseHeavy();
  const pct = (v: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  if (list.error) return <Alert>{isApiError(list.error) ? list.error.message : t('drillsDashboard.error')}</Alert>;
  if (!list.data) return <Spinner label={t('drillsDashboard.loading')} />;
  const { questions, minReviews } = list.data;
  return (
    <>
      <p className="muted small">{t('drillsDashboard.admin.minReviews', { count: minReviews })}</p>
      {questions.length === 0 ? (
        <p className="muted" data-testid="lapse-heavy-empty">
          {t('drillsDashboard.admin.empty')}
        </p>
      ) : (
        <div className="drills-table-wrap">
          <table className="drills-table" data-testid="lapse-heavy">
            <thead>
              <tr>
                <th scope="col">{t('drillsDashboard.admin.question')}</th>
                <th scope="col">{t('drillsDashboard.admin.topic')}</th>
                <th scope="col" className="num">{t('drillsDashboard.admin.rate')}</th>
                <th scope="col" className="num">{t('drillsDashboard.admin.lapses')}</th>
                <th scope="col" className="num">{t('drillsDashboard.admin.reviews')}</th>
                <th scope="col" className="num">{t('drillsDashboard.admin.learners')}</th>
                <th scope="col" className="num">{t('drillsDashboard.admin.leeches')}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.questionId} data-testid="lapse-heavy-row" data-question={q.questionId}>
                  <th scope="row">
                    <span className="drills-table__title">{q.title}</span>
                    <code className="muted small">{q.questionId}</code>
                  </th>
                  <td>{topicLabel(t, q.topic)}</td>
                  <td className="num">{pct(q.lapseRate)}</td>
                  <td className="num">{q.lapses}</td>
                  <td className="num">{q.reviews}</td>
                  <td className="num">{q.learners}</td>
                  <td className="num">{q.leeches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
