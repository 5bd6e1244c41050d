import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { isApiError } from '@/lib/api-client';
import { useImportOrgQuestions, type OrgQuestionImport } from '../api/import-org-questions';
import { TOPIC_IDS } from '../utils/form-state';

const FORMATS: ReadonlyArray<OrgQuestionImport['format']> = ['gift', 'moodle-xml'];

/**
 * Questions from Moodle (GIFT or Moodle XML) into the organization, all or nothing: the server
 * checks every question with the bank rules first and names the line or question that stops it.
 */
export function ImportQuestions({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const run = useImportOrgQuestions();
  const [format, setFormat] = useState<OrgQuestionImport['format']>('gift');
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [references, setReferences] = useState('');

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (/\.xml$/i.test(file.name)) setFormat('moodle-xml');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate({
      orgId,
      body: {
        format,
        text,
        ...(topic ? { topic: topic as OrgQuestionImport['topic'] } : {}),
        references: references.split(/\s+/).filter(Boolean),
      },
    });
  };

  const fields = run.isError && isApiError(run.error, 'VALIDATION_FAILED') ? run.error.fields : [];
  return (
    <details className="oq-import" data-testid="org-question-import">
      <summary>{t('orgQuestions.import.title')}</summary>
      <form className="stack oq-stack" onSubmit={onSubmit} noValidate>
        <p className="muted small">{t('orgQuestions.import.lead')}</p>
        <div className="oq-grid">
          <SelectField
            label={t('orgQuestions.import.format')}
            name="import-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as OrgQuestionImport['format'])}
            options={FORMATS.map((value) => ({ value, label: t(`orgQuestions.import.formats.${value}`) }))}
          />
          <SelectField
            label={t('orgQuestions.import.topic')}
            name="import-topic"
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            options={[{ value: '', label: t('orgQuestions.import.topicFromFile') }, ...TOPIC_IDS.map((id) => ({ value: id, label: t(`topics.${id}`, { defaultValue: id }) }))]}
          />
          <div className="field">
            <label className="field__label" htmlFor={`import-file-${orgId}`}>
              {t('orgQuestions.import.file')}
            </label>
            <input id={`import-file-${orgId}`} className="input" type="file" accept=".txt,.gift,.xml,text/plain,application/xml,text/xml" onChange={(e) => void onFile(e.target.files?.[0])} />
          </div>
        </div>
        <TextAreaField label={t('orgQuestions.import.text')} name="import-text" rows={6} className="mono" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        <TextAreaField
          label={t('orgQuestions.import.references')}
          hint={t('orgQuestions.import.referencesHint')}
          name="import-references"
          rows={2}
          value={references}
          onChange={(e) => setReferences(e.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="secondary" loading={run.isPending} data-testid="import-org-questions">
            {t('orgQuestions.import.submit')}
          </Button>
        </div>
        <div data-testid="import-result">
          {run.isSuccess ? (
            <Alert tone="success">
              {t('orgQuestions.import.done', { count: run.data.questions.length })}
              {run.data.warnings.length > 0 ? (
                <>
                  {' '}
                  {t('orgQuestions.import.warnings')}
                  <ul>
                    {run.data.warnings.map((w, i) => (
                      <li key={i}>
                        {w.line !== undefined ? `${t('orgQuestions.import.line', { line: w.line })}: ` : ''}
                        {w.message}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </Alert>
          ) : null}
          <Alert>
            {fields.length > 0 ? (
              <>
                <p className="oq-summary__title">{t('orgQuestions.import.failed')}</p>
                <ul>
                  {fields.map((f, i) => (
                    <li key={i}>
                      <span className="mono small">{f.field}</span>: {f.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : run.isError ? (
              isApiError(run.error) ? run.error.message : t('errors.network')
            ) : null}
          </Alert>
        </div>
      </form>
    </details>
  );
}
