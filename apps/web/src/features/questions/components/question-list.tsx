import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { QuestionPage, Topic } from '../types';
import { difficultyLabel, difficultyTone, topicLabel, typeLabel } from './labels';

type Props = {
  data: QuestionPage;
  topics: Topic[] | undefined;
  onPage: (page: number) => void;
  stale: boolean;
};

export function QuestionList({ data, topics, onPage, stale }: Props) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  // The question page carries the bank's filters, so its "back" link restores this very list.
  const back = search.length > 1 ? `?back=${encodeURIComponent(search.slice(1))}` : '';

  if (data.items.length === 0) {
    return <p className="empty">{t('practice.noResults')}</p>;
  }

  return (
    <div className={stale ? 'is-stale' : undefined} aria-busy={stale || undefined}>
      <p className="muted list-summary" role="status">
        {t('practice.resultCount', { count: data.total })}
      </p>
      <ul className="question-list" data-testid="question-list">
        {data.items.map((q) => (
          <li key={q.id} className="question-row">
            <Link to={`/practice/questions/${encodeURIComponent(q.id)}${back}`} className="question-row__link">
              <span className="question-row__title" lang={q.contentLocale}>
                {q.title}
              </span>
              <span className="question-row__meta">
                {q.fallback ? (
                  <span className="badge badge--neutral" title={q.fallbackReason === 'stale' ? t('content.fallbackStale') : t('content.fallbackMissing')} data-testid="title-fallback">
                    {t('content.englishOnly')}
                  </span>
                ) : null}
                <span className="muted">{topicLabel(t, q.topic, topics)}</span>
                <Badge>{typeLabel(t, q.type)}</Badge>
                <Badge tone={difficultyTone(q.difficulty)}>{difficultyLabel(t, q.difficulty)}</Badge>
                {q.hasCode ? <Badge tone="accent">{t('practice.hasCode')}</Badge> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pager" aria-label={t('practice.pagination')}>
          <Button variant="secondary" size="sm" disabled={data.page <= 1} onClick={() => onPage(data.page - 1)}>
            {t('practice.previous')}
          </Button>
          <span className="pager__status">{t('practice.pageOf', { page: data.page, pages })}</span>
          <Button variant="secondary" size="sm" disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
            {t('practice.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
