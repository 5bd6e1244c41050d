import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { useHistory } from '../api/get-history';
import type { AttemptSummary, AttemptHistory } from '../types';
import { topicLabel } from './labels';
import { attemptTitle } from '@/lib/attempt-title';

function percentOf(a: AttemptSummary): string {
  const p = a.result?.percent;
  return p === null || p === undefined ? '—' : `${Math.round(p)}%`;
}

function Trend({ trend }: { trend: AttemptHistory['topicTrend'] }) {
  const { t, i18n } = useTranslation();
  if (trend.length === 0) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="trend-title" className="trend" data-testid="topic-trend">
      <h2 id="trend-title" className="section-title">
        {t('quiz.history.trend')}
      </h2>
      <ul className="trend__list">
        {trend.map((topic) => {
          const last = topic.points[topic.points.length - 1];
          const first = topic.points[0];
          return (
            <li key={topic.topic} className="trend__row card">
              <p className="trend__topic">{topicLabel(t, topic.topic)}</p>
              <ol className="trend__bars" aria-label={t('quiz.history.trendOf', { topic: topicLabel(t, topic.topic) })}>
                {topic.points.map((p) => {
                  const pct = p.percent ?? 0;
                  return (
                    <li key={p.attemptId} className="trend__bar" title={`${date.format(new Date(p.finishedAt))}: ${Math.round(pct)}%`}>
                      <span className="visually-hidden">{`${date.format(new Date(p.finishedAt))}: ${p.percent === null ? '—' : `${Math.round(pct)}%`}`}</span>
                      <span className="trend__fill" aria-hidden="true" style={{ height: `${Math.max(4, Math.min(100, pct))}%` }} />
                    </li>
                  );
                })}
              </ol>
              <p className="muted small">
                {first && last && topic.points.length > 1
                  ? t('quiz.history.trendChange', { from: Math.round(first.percent ?? 0), to: Math.round(last.percent ?? 0) })
                  : t('quiz.history.trendOne', { percent: Math.round(last?.percent ?? 0) })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function AttemptHistoryView() {
  const { t, i18n } = useTranslation();
  const history = useHistory();
  if (history.isPending) return <Spinner label={t('common.loading')} />;
  if (history.isError) return <Alert>{t('errors.loadFailed')}</Alert>;
  const { attempts, topicTrend } = history.data;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (attempts.length === 0) {
    return (
      <Card className="empty">
        <p>{t('quiz.history.empty')}</p>
        <Link className="btn btn--primary" to="/practice/quiz">
          {t('quiz.start.submit')}
        </Link>
      </Card>
    );
  }
  return (
    <div className="stack">
      <Card>
        <table className="history-table" data-testid="history-table">
          <caption className="visually-hidden">{t('quiz.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('quiz.history.attempt')}</th>
              <th scope="col">{t('quiz.history.started')}</th>
              <th scope="col">{t('quiz.history.items')}</th>
              <th scope="col">{t('quiz.history.score')}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id} data-testid="history-row">
                <td>
                  <Link to={a.state === 'in_progress' ? `/practice/attempts/${a.id}` : `/practice/attempts/${a.id}/result`}>{attemptTitle(t, a)}</Link>{' '}
                  {a.state !== 'submitted' ? <Badge>{t(`quiz.history.state.${a.state}`, { defaultValue: a.state })}</Badge> : null}
                </td>
                <td>{date.format(new Date(a.startedAt))}</td>
                <td>{a.itemCount}</td>
                <td className="history-table__score">{percentOf(a)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Trend trend={topicTrend} />
    </div>
  );
}
