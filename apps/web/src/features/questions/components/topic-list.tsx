import { useTranslation } from 'react-i18next';
import type { Topic } from '../types';
import { topicLabel } from './labels';

/** Topics as toggle buttons in the API's order (core banks first), the same order as the quiz form's. */
export function TopicList({ topics, active, onSelect }: { topics: Topic[]; active?: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="topic-list" aria-label={t('practice.topics')}>
      {topics.map((topic) => (
        <li key={topic.id}>
          <button
            type="button"
            className={['topic-chip', topic.core ? 'topic-chip--core' : ''].filter(Boolean).join(' ')}
            aria-pressed={active === topic.id}
            onClick={() => onSelect(active === topic.id ? '' : topic.id)}
            title={topic.description}
          >
            <span>{topicLabel(t, topic.id, topics)}</span>
            <span className="topic-chip__count">{topic.questionCount}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
