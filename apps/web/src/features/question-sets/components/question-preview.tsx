import { useTranslation } from 'react-i18next';
import { optionLabel } from '@goprep/domain';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { usePreview } from '../api/get-bank';
import { difficultyTone, durationLabel, topicLabel, typeLabel } from './labels';

/** Answer keys differ by type; show the fields a reviewer needs in a readable form. */
function keyLines(answerKey: unknown): string[] {
  if (typeof answerKey !== 'object' || answerKey === null) return [];
  return Object.entries(answerKey as Record<string, unknown>)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' | ') : typeof v === 'string' ? v : JSON.stringify(v)}`);
}

/** The manager's view of a question: prompt, code, options with the correct ones marked, key and explanation. */
export function QuestionPreview({ id, onClose, onAdd, added }: { id: string; onClose: () => void; onAdd?: (() => void) | undefined; added?: boolean }) {
  const { t } = useTranslation();
  const preview = usePreview(id);

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
          {!preview.data.options?.length && keyLines(preview.data.answerKey).length > 0 ? (
            <>
              <h4 className="qs-preview__label">{t('questionSets.preview.key')}</h4>
              <ul className="qs-preview__key mono small">
                {keyLines(preview.data.answerKey).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
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
