import { useTranslation } from 'react-i18next';
import { optionLabel } from '@goprep/domain';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { ContentLocaleNote } from '@/components/answer-input/content-locale-note';
import { usePreview, type BankLocale } from '../api/get-bank';
import { difficultyTone, durationLabel, topicLabel, typeLabel } from './labels';

/** Key fields whose values are prose (shown in the text font); the rest are code-like (outputs, patterns, numbers). */
const PROSE_FIELDS = new Set(['accepted', 'rubric', 'answer']);

/** Answer keys differ by type: one labelled group per field, each value on its own line. */
function keyFields(answerKey: unknown): Array<{ field: string; values: string[] }> {
  if (typeof answerKey !== 'object' || answerKey === null) return [];
  return Object.entries(answerKey as Record<string, unknown>)
    .filter(([k]) => k !== 'type')
    .map(([field, v]) => ({
      field,
      values: (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))),
    }));
}

/** The manager's view of a question: prompt, code, options with the correct ones marked, key and explanation. */
export function QuestionPreview({
  id,
  locale,
  onClose,
  onAdd,
  added,
}: {
  id: string;
  /** The set's language (undefined: the reader's own). */
  locale: BankLocale;
  onClose: () => void;
  onAdd?: (() => void) | undefined;
  added?: boolean;
}) {
  const { t } = useTranslation();
  const preview = usePreview(id, locale);

  return (
    <section className="qs-preview" aria-labelledby="qs-preview-title" data-testid="question-preview">
      <div className="qs-preview__bar">
        <h3 id="qs-preview-title" className="qs-preview__title">
          {preview.data?.title ?? t('questionSets.preview.title')}
        </h3>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onClose}>
          {t('questionSets.preview.close')}
        </button>
      </div>
      {preview.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : preview.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : (
        <>
          <p className="question-row__meta">
            <span className="muted">{topicLabel(t, preview.data.topic)}</span>
            <Badge>{typeLabel(t, preview.data.type)}</Badge>
            <Badge tone={difficultyTone(preview.data.difficulty)}>{t(`difficulty.${preview.data.difficulty}`)}</Badge>
            <span className="muted small">{durationLabel(t, preview.data.expectedSeconds)}</span>
            <span className="muted small">{t('questionSets.preview.version', { version: preview.data.version })}</span>
          </p>
          <ContentLocaleNote info={preview.data} />
          <Markdown source={preview.data.prompt} />
          {preview.data.code ? (
            <pre className="md-code qs-preview__code">
              <code>{preview.data.code}</code>
            </pre>
          ) : null}
          {preview.data.options?.length ? (
            <ul className="qs-preview__options">
              {/* Lettered in the bank's order, as the explanation below names them. */}
              {preview.data.options.map((o, index) => (
                <li key={o.id} className={o.correct ? 'qs-correct' : undefined} data-testid="preview-option">
                  <span className="qs-mark" aria-hidden="true">
                    {o.correct ? '✓' : '·'}
                  </span>
                  <span className="quiz-option__key">{optionLabel(index)}</span>
                  <span>
                    <Markdown source={o.text} className="qs-preview__option-text" />
                    {o.correct ? <span className="visually-hidden"> ({t('questionSets.preview.correct')})</span> : null}
                    {o.feedback ? <Markdown source={o.feedback} className="muted small" /> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {!preview.data.options?.length && keyFields(preview.data.answerKey).length > 0 ? (
            <>
              <h4 className="qs-preview__label">{t('questionSets.preview.key')}</h4>
              <dl className="qs-preview__key small" data-testid="preview-key">
                {keyFields(preview.data.answerKey).map(({ field, values }) => (
                  <div key={field}>
                    <dt className="muted">{t(`questionSets.preview.keyField.${field}`, { defaultValue: field })}</dt>
                    {values.map((value, i) => (
                      <dd key={i} className={PROSE_FIELDS.has(field) ? undefined : 'mono'} lang={PROSE_FIELDS.has(field) ? preview.data.contentLocale : undefined}>
                        {value}
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          <h4 className="qs-preview__label">{t('questionSets.preview.explanation')}</h4>
          <Markdown source={preview.data.explanation} />
          {onAdd ? (
            <button type="button" className="btn btn--primary btn--sm" disabled={added} onClick={onAdd}>
              {added ? t('questionSets.bank.added') : t('questionSets.bank.add')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
