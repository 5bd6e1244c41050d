import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { QUESTION_TYPES, type QuestionFilters, type Topic } from '../types';
import { difficultyLabel, topicLabel, typeLabel } from './labels';

type Props = {
  filters: QuestionFilters;
  topics: Topic[] | undefined;
  onChange: (key: 'topic' | 'type' | 'difficulty' | 'q', value: string) => void;
  onReset: () => void;
};

export function QuestionFiltersBar({ filters, topics, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const onSearch = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange('q', value.trim()), 300);
  };

  const hasFilters = Boolean(filters.topic || filters.type || filters.difficulty || filters.tag || filters.q);

  return (
    <form className="filters" role="search" aria-label={t('practice.filters.label')} onSubmit={(e) => {
      e.preventDefault();
      clearTimeout(timer.current);
      onChange('q', q.trim());
    }}>
      <TextField
        className="filters__search"
        label={t('practice.filters.search')}
        type="search"
        value={q}
        placeholder={t('practice.filters.searchPlaceholder')}
        onChange={(e) => onSearch(e.target.value)}
      />
      <SelectField
        label={t('practice.filters.topic')}
        value={filters.topic ?? ''}
        onChange={(e) => onChange('topic', e.target.value)}
        options={[
          { value: '', label: t('practice.filters.allTopics') },
          ...(topics ?? []).map((topic) => ({ value: topic.id, label: topicLabel(t, topic.id, topics) })),
        ]}
      />
      <SelectField
        label={t('practice.filters.type')}
        value={filters.type ?? ''}
        onChange={(e) => onChange('type', e.target.value)}
        options={[
          { value: '', label: t('practice.filters.allTypes') },
          ...QUESTION_TYPES.map((type) => ({ value: type, label: typeLabel(t, type) })),
        ]}
      />
      <SelectField
        label={t('practice.filters.difficulty')}
        value={filters.difficulty ?? ''}
        onChange={(e) => onChange('difficulty', e.target.value)}
        options={[
          { value: '', label: t('practice.filters.allDifficulties') },
          ...[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: difficultyLabel(t, d) })),
        ]}
      />
      {hasFilters ? (
        <Button variant="ghost" className="filters__reset" onClick={() => {
          setQ('');
          onReset();
        }}>
          {t('practice.filters.reset')}
        </Button>
      ) : null}
    </form>
  );
}
