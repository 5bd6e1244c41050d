import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { BANK_PAGE_SIZE, useBank, useBankTopics, type BankFilters, type BankLocale, type BankQuestion } from '../api/get-bank';
import { POOL_TYPES } from './items-editor';
import { difficultyLabel, difficultyTone, topicLabel, typeLabel } from './labels';
import { QuestionPreview } from './question-preview';

const EMPTY: BankFilters = { q: '', topic: '', type: '', difficulty: '', tag: '', page: 1 };

/** Search the bank by text, topic, type, difficulty and tag; preview a question; add it as a fixed item. */
export function BankBrowser({
  isAdded,
  onAdd,
  disabled,
  previewId,
  onPreview,
  locale,
}: {
  isAdded: (id: string) => boolean;
  onAdd: (question: BankQuestion) => void;
  disabled: boolean;
  previewId: string | undefined;
  onPreview: (id: string | undefined) => void;
  /** The set's language: titles and previews follow it (undefined: the reader's own). */
  locale: BankLocale;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<BankFilters>(EMPTY);
  const [text, setText] = useState({ q: '', tag: '' });
  const topics = useBankTopics();
  const bank = useBank(filters, locale);

  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === text.q && f.tag === text.tag ? f : { ...f, q: text.q, tag: text.tag, page: 1 })), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const set = (patch: Partial<BankFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  const pages = bank.data ? Math.max(1, Math.ceil(bank.data.total / BANK_PAGE_SIZE)) : 1;
  const previewed = bank.data?.items.find((q) => q.id === previewId);

  return (
    <div className="qs-bank" data-testid="bank-browser">
      <form className="qs-bank__filters" role="search" aria-label={t('questionSets.bank.search')} onSubmit={(e) => e.preventDefault()}>
        <TextField className="qs-bank__q" label={t('questionSets.bank.text')} type="search" name="bank-q" value={text.q} onChange={(e) => setText((x) => ({ ...x, q: e.target.value }))} />
        <SelectField
          label={t('questionSets.bank.topic')}
          name="bank-topic"
          value={filters.topic}
          onChange={(e) => set({ topic: e.target.value })}
          options={[{ value: '', label: t('questionSets.bank.anyTopic') }, ...(topics.data ?? []).map((x) => ({ value: x.id, label: topicLabel(t, x.id) }))]}
        />
        <SelectField
          label={t('questionSets.bank.type')}
          name="bank-type"
          value={filters.type}
          onChange={(e) => set({ type: e.target.value })}
          options={[{ value: '', label: t('questionSets.bank.anyType') }, ...POOL_TYPES.map((x) => ({ value: x, label: typeLabel(t, x) }))]}
        />
        <SelectField
          label={t('questionSets.bank.difficulty')}
          name="bank-difficulty"
          value={filters.difficulty}
          onChange={(e) => set({ difficulty: e.target.value })}
          options={[{ value: '', label: t('questionSets.bank.anyDifficulty') }, ...[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: difficultyLabel(t, d) }))]}
        />
        <TextField label={t('questionSets.bank.tag')} name="bank-tag" value={text.tag} onChange={(e) => setText((x) => ({ ...x, tag: e.target.value }))} />
      </form>

      {bank.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : bank.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : bank.data.items.length === 0 ? (
        <p className="empty">{t('questionSets.bank.none')}</p>
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {t('questionSets.bank.count', { count: bank.data.total })}
          </p>
          <ul className={['qs-bank__list', bank.isPlaceholderData ? 'is-stale' : ''].filter(Boolean).join(' ')} aria-busy={bank.isPlaceholderData || undefined} data-testid="bank-results">
            {bank.data.items.map((q) => {
              const added = isAdded(q.id);
              // Flashcards are self-rated drill cards; a set cannot grade them.
              const drillOnly = q.type === 'flashcard';
              return (
                <li key={q.id} className="qs-bank__row" data-testid="bank-row" data-question-id={q.id} data-topic={q.topic} data-difficulty={q.difficulty}>
                  <div className="qs-bank__main">
                    <span className="qs-item__title" lang={q.contentLocale}>
                      {q.title}
                    </span>
                    <span className="question-row__meta">
                      {q.fallback ? (
                        <span className="badge badge--neutral" title={q.fallbackReason === 'stale' ? t('content.fallbackStale') : t('content.fallbackMissing')} data-testid="title-fallback">
                          {t('content.englishOnly')}
                        </span>
                      ) : null}
                      <span className="muted">{topicLabel(t, q.topic)}</span>
                      <Badge>{typeLabel(t, q.type)}</Badge>
                      <Badge tone={difficultyTone(q.difficulty)}>{t(`difficulty.${q.difficulty}`)}</Badge>
                    </span>
                  </div>
                  <div className="oq-row__actions">
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm"
                      aria-expanded={previewId === q.id}
                      aria-label={t('questionSets.bank.previewNamed', { title: q.title })}
                      onClick={() => onPreview(previewId === q.id ? undefined : q.id)}
                    >
                      {t('questionSets.bank.preview')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--secondary btn--sm"
                      disabled={disabled || added || drillOnly}
                      // Each name starts with the button's visible word (WCAG 2.5.3, label in name).
                      aria-label={t(added ? 'questionSets.bank.addedNamed' : drillOnly ? 'questionSets.bank.drillOnlyNamed' : 'questionSets.bank.addNamed', { title: q.title })}
                      onClick={() => onAdd(q)}
                    >
                      {added ? t('questionSets.bank.added') : drillOnly ? t('questionSets.bank.drillOnly') : t('questionSets.bank.add')}
                    </button>
                  </div>
                  {previewId === q.id ? (
                    <QuestionPreview id={q.id} locale={locale} onClose={() => onPreview(undefined)} onAdd={disabled || q.type === 'flashcard' ? undefined : () => previewed && onAdd(previewed)} added={added} />
                  ) : null}
                </li>
              );
            })}
          </ul>
          {pages > 1 ? (
            <nav className="pager" aria-label={t('questionSets.bank.pages')}>
              <Button variant="secondary" size="sm" disabled={filters.page <= 1} onClick={() => set({ page: filters.page - 1 })}>
                {t('questionSets.bank.prev')}
              </Button>
              <span className="pager__status">{t('questionSets.bank.page', { page: filters.page, pages })}</span>
              <Button variant="secondary" size="sm" disabled={filters.page >= pages} onClick={() => set({ page: filters.page + 1 })}>
                {t('questionSets.bank.next')}
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
