import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useQuestions } from '../api/get-questions';
import { useTopics } from '../api/get-topics';
import { useQuestionFilters } from '../hooks/use-question-filters';
import { QuestionFiltersBar } from './question-filters';
import { QuestionList } from './question-list';
import { TopicList } from './topic-list';

export function QuestionBrowser() {
  const { t } = useTranslation();
  const { filters, setFilter, setPage, reset } = useQuestionFilters();
  const topics = useTopics();
  const questions = useQuestions(filters);

  return (
    <div className="browser">
      {topics.data ? <TopicList topics={topics.data} active={filters.topic} onSelect={(id) => setFilter('topic', id)} /> : null}
      <QuestionFiltersBar filters={filters} topics={topics.data} onChange={setFilter} onReset={reset} />
      {questions.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : questions.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : (
        <QuestionList data={questions.data} topics={topics.data} onPage={setPage} stale={questions.isPlaceholderData} />
      )}
    </div>
  );
}
