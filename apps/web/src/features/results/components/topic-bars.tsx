import { useTranslation } from 'react-i18next';
import type { ResultTopic } from '../types';
import { topicName } from './labels';

/** Per-topic score as labelled bars (the number is always written out; the bar only helps the eye). */
export function TopicBars({ topics }: { topics: ResultTopic[] }) {
  const { t } = useTranslation();
  if (topics.length === 0) return null;
  return (
    <ul className="topic-bars" aria-label={t('results.report.byTopic')} data-testid="topic-bars">
      {topics.map((topic) => (
        <li key={topic.topic} className="topic-bars__row">
          <span className="topic-bars__name">{topicName(t, topic.topic)}</span>
          <span className="topic-bars__track" aria-hidden="true">
            <span className="topic-bars__fill" style={{ width: `${Math.max(0, Math.min(100, topic.percent ?? 0))}%` }} />
          </span>
          <span className="topic-bars__value">
            {topic.percent === null ? '–' : `${Math.round(topic.percent)}%`} <span className="muted small">{`${Math.round(topic.score * 100) / 100}/${topic.max}`}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
