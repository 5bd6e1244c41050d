import { useTranslation } from 'react-i18next';
import type { Topic } from '../types';
import { topicLabel } from './labels';

/** Topics as toggle buttons; the core banks first, as the product is built around them. */
export function TopicList({ topics, active, onSelect }: { topics: Topic[]; active?: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const ordered = [...topics].sort((a, b) => Number(b.core) - Number(a.core));
  return (
    <ul className="topic-list" aria-label={t('practice.topics')}>
      {ordered.map((topic) => (
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
