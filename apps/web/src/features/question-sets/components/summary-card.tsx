import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import type { TimeEstimate } from '../utils/expected-time';
import { timeVerdict } from '../utils/expected-time';
import { durationLabel, topicLabel } from './labels';

type Props = {
  estimate: TimeEstimate;
  limitSeconds: number;
  questions: number;
  points: number;
  byTopic: { topic: string; count: number }[];
  shortfalls: number;
};

/** Expected time against the limit, question and point totals, the topic mix and pool warnings. */
export function SummaryCard({ estimate, limitSeconds, questions, points, byTopic, shortfalls }: Props) {
  const { t } = useTranslation();
  const verdict = timeVerdict(estimate.seconds, limitSeconds);
  const percent = limitSeconds > 0 ? Math.min(100, Math.round((estimate.seconds / limitSeconds) * 100)) : 0;
  return (
    <Card aria-labelledby="qs-summary-title" data-testid="set-summary" className="qs-summary">
      <h2 id="qs-summary-title" className="card__title">
        {t('questionSets.summary.title')}
      </h2>
      <dl className="qs-stats">
        <div>
          <dt>{t('questionSets.summary.questions')}</dt>
          <dd data-testid="summary-questions">{questions}</dd>
        </div>
        <div>
          <dt>{t('questionSets.summary.points')}</dt>
          <dd data-testid="summary-points">{Math.round(points * 100) / 100}</dd>
        </div>
        <div>
          <dt>{t('questionSets.summary.expected')}</dt>
          <dd data-testid="summary-expected">
            {estimate.approximate ? '≈ ' : ''}
            {durationLabel(t, estimate.seconds)}
          </dd>
        </div>
        <div>
          <dt>{t('questionSets.summary.limit')}</dt>
          <dd>{limitSeconds > 0 ? durationLabel(t, limitSeconds) : '—'}</dd>
        </div>
      </dl>
      <div className={`qs-meter qs-meter--${verdict}`} aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      {verdict === 'over' ? (
        <p className="qs-warning" role="status" data-testid="time-warning">
          {t('questionSets.summary.over', { expected: durationLabel(t, estimate.seconds), limit: durationLabel(t, limitSeconds) })}
        </p>
      ) : verdict === 'tight' ? (
        <p className="qs-warning qs-warning--soft" role="status" data-testid="time-warning">
          {t('questionSets.summary.tight')}
        </p>
      ) : null}
      {shortfalls > 0 ? (
        <p className="qs-warning" role="status">
          {t('questionSets.summary.shortfalls', { count: shortfalls })}
        </p>
      ) : null}
      {byTopic.length > 0 ? (
        <ul className="qs-topics" aria-label={t('questionSets.summary.byTopic')}>
          {byTopic.map((x) => (
            <li key={x.topic}>
              <span>{topicLabel(t, x.topic)}</span> <strong>{x.count}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
