import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateOrgQuestion } from '../api/create-org-question';
import { useOrgQuestion, type OrgQuestion } from '../api/get-org-question';
import { useUpdateOrgQuestion } from '../api/update-org-question';
import {
  CODE_TYPES,
  emptyForm,
  errorsFor,
  fromSource,
  QUESTION_TYPES,
  toInput,
  TOPIC_IDS,
  type FieldErrors,
  type FormState,
  type QuestionType,
  type TopicId,
} from '../utils/form-state';
import { AnswerKeyFields } from './answer-key-fields';
import { CandidatePreview } from './candidate-preview';
import { VerificationBadge } from './verification-badge';

/** Which label names an API field in the error summary (fields are the contract's snake_case keys). */
const FIELD_LABELS: Record<string, string> = {
  title: 'questionTitle',
  type: 'type',
  topic: 'topic',
  subtopic: 'subtopic',
  difficulty: 'difficulty',
  tags: 'tags',
  go_version: 'goVersion',
  expected_seconds: 'expectedSeconds',
  references: 'references',
  prompt: 'prompt',
  explanation: 'explanation',
  options: 'options',
  answer: 'answerKey',
  accepted: 'accepted',
  case_sensitive: 'caseSensitive',
  pattern: 'pattern',
  tolerance: 'tolerance',
  unit: 'unit',
  code: 'code',
  outputs: 'outputs',
  lines: 'lines',
  rubric: 'rubric',
  verify: 'verify',
  items: 'orderItems',
  pairs: 'pairs',
  distractors: 'distractors',
};

type Status = { kind: 'saved' | 'unchanged'; version: number } | undefined;

function QuestionForm({ orgId, question }: { orgId: string; question?: OrgQuestion }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState>(() => (question ? fromSource(question.source) : emptyForm()));
  const [errors, setErrors] = useState<FieldErrors>([]);
  const [status, setStatus] = useState<Status>();
  const [current, setCurrent] = useState(question);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateOrgQuestion();
  const update = useUpdateOrgQuestion();
  const pending = create.isPending || update.isPending;
  const requestError = create.error ?? update.error;

  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const err = (...fields: string[]) => errorsFor(errors, ...fields);

  const onError = (error: unknown) => {
    setErrors(isApiError(error, 'VALIDATION_FAILED') ? error.fields : []);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(undefined);
    const body = toInput(form);
    if (!current) {
      create.mutate(
        { orgId, body },
        { onSuccess: (created) => navigate(`/hiring?org=${encodeURIComponent(orgId)}`, { state: { created: created.title } }), onError },
      );
      return;
    }
    const before = current.version;
    update.mutate(
      { orgId, id: current.id, body },
      {
        onSuccess: (saved) => {
          setErrors([]);
          setCurrent(saved);
          setStatus({ kind: saved.version === before ? 'unchanged' : 'saved', version: saved.version });
          requestAnimationFrame(() => summaryRef.current?.focus());
        },
        onError,
      },
    );
  };

  const label = (field: string) => {
    const root = field.split('.')[0] ?? field;
    const key = FIELD_LABELS[root];
    return key ? t(`orgQuestions.form.${key}`) : root;
  };

  const isCode = CODE_TYPES.includes(form.type);
  const title = current ? t('orgQuestions.form.editTitle') : t('orgQuestions.form.newTitle');

  return (
    <>
      <title>{`${title} · goprep`}</title>
      <Link to={`/hiring?org=${encodeURIComponent(orgId)}`} className="back-link">
        ← {t('orgQuestions.back')}
      </Link>
      <PageHeader
        title={title}
        lead={
          current ? (
            <span className="oq-meta">
              <code>{current.id}</code>
              <span>{t('orgQuestions.version', { version: current.version })}</span>
              <VerificationBadge verification={current.verification} />
            </span>
          ) : (
            t('orgQuestions.form.newLead')
          )
        }
      />
      <form className="oq-form" onSubmit={onSubmit} noValidate aria-label={title} data-testid="org-question-form">
        <div ref={summaryRef} tabIndex={-1} className="oq-summary" data-testid="form-summary">
          {status ? (
            <Alert tone="success">{t(status.kind === 'saved' ? 'orgQuestions.form.saved' : 'orgQuestions.form.unchanged', { version: status.version })}</Alert>
          ) : null}
          <Alert>
            {errors.length > 0 ? (
              <>
                <p className="oq-summary__title">{t('orgQuestions.form.fixErrors')}</p>
                <ul>
                  {errors.map((e, i) => (
                    <li key={i}>
                      <strong>{label(e.field)}</strong>
                      {e.field.includes('.') ? <span className="mono small"> ({e.field})</span> : null}: {e.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : requestError && !isApiError(requestError, 'VALIDATION_FAILED') ? (
              isApiError(requestError) ? (
                requestError.message
              ) : (
                t('errors.network')
              )
            ) : null}
          </Alert>
        </div>

        <Card aria-labelledby="oq-basics">
          <h2 id="oq-basics" className="card__title">
            {t('orgQuestions.form.basics')}
          </h2>
          <div className="oq-grid oq-grid--wide">
            <TextField
              className="oq-span"
              label={t('orgQuestions.form.questionTitle')}
              name="title"
              value={form.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
              error={err('title')}
            />
            <SelectField
              label={t('orgQuestions.form.type')}
              name="type"
              value={form.type}
              onChange={(e) => set({ type: e.target.value as QuestionType })}
              options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionTypes.${type}`) }))}
            />
            <SelectField
              label={t('orgQuestions.form.topic')}
              name="topic"
              value={form.topic}
              onChange={(e) => set({ topic: e.target.value as TopicId })}
              options={TOPIC_IDS.map((id) => ({ value: id, label: t(`topics.${id}`, { defaultValue: id }) }))}
            />
            <TextField
              label={t('orgQuestions.form.subtopic')}
              hint={t('orgQuestions.form.subtopicHint')}
              name="subtopic"
              value={form.subtopic}
              onChange={(e) => set({ subtopic: e.target.value })}
              error={err('subtopic')}
            />
            <SelectField
              label={t('orgQuestions.form.difficulty')}
              name="difficulty"
              value={form.difficulty}
              onChange={(e) => set({ difficulty: e.target.value })}
              options={[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: `${d} · ${t(`difficulty.${d}`)}` }))}
            />
            <TextField
              label={t('orgQuestions.form.tags')}
              hint={t('orgQuestions.form.tagsHint')}
              name="tags"
              value={form.tags}
              onChange={(e) => set({ tags: e.target.value })}
              error={err('tags')}
            />
            <TextField
              label={t('orgQuestions.form.goVersion')}
              name="go_version"
              value={form.goVersion}
              onChange={(e) => set({ goVersion: e.target.value })}
              error={err('go_version')}
            />
            <TextField
              label={t('orgQuestions.form.expectedSeconds')}
              name="expected_seconds"
              inputMode="numeric"
              value={form.expectedSeconds}
              onChange={(e) => set({ expectedSeconds: e.target.value })}
              error={err('expected_seconds')}
            />
            <TextAreaField
              className="oq-span"
              label={t('orgQuestions.form.references')}
              hint={t('orgQuestions.form.referencesHint')}
              name="references"
              rows={2}
              value={form.references}
              onChange={(e) => set({ references: e.target.value })}
              error={err('references')}
            />
          </div>
        </Card>

        <Card aria-labelledby="oq-content">
          <h2 id="oq-content" className="card__title">
            {t('orgQuestions.form.content')}
          </h2>
          <div className="stack oq-stack">
            <TextAreaField
              label={t('orgQuestions.form.prompt')}
              name="prompt"
              rows={4}
              value={form.prompt}
              onChange={(e) => set({ prompt: e.target.value })}
              error={err('prompt')}
            />
            <TextAreaField
              label={t('orgQuestions.form.explanation')}
              hint={t('orgQuestions.form.explanationHint')}
              name="explanation"
              rows={4}
              value={form.explanation}
              onChange={(e) => set({ explanation: e.target.value })}
              error={err('explanation')}
            />
          </div>
        </Card>

        <Card aria-labelledby="oq-key">
          <h2 id="oq-key" className="card__title">
            {isCode ? t('orgQuestions.form.programAndKey') : t('orgQuestions.form.answerKey')}
          </h2>
          {isCode ? <p className="muted small">{t('orgQuestions.form.unverifiedNote')}</p> : null}
          <div className="stack oq-stack">
            <AnswerKeyFields form={form} set={set} errors={errors} />
          </div>
        </Card>

        <CandidatePreview orgId={orgId} body={toInput(form)} onInvalid={onError} onValid={() => setErrors([])} />

        <div className="actions">
          <Button type="submit" loading={pending} data-testid="save-org-question">
            {current ? t('orgQuestions.form.save') : t('orgQuestions.form.create')}
          </Button>
          <Link to={`/hiring?org=${encodeURIComponent(orgId)}`} className="btn btn--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** New (no id) or edit: the edit form starts from the stored version's source. */
export function OrgQuestionEditor({ orgId, id }: { orgId: string; id?: string | undefined }) {
  const { t } = useTranslation();
  const question = useOrgQuestion(orgId, id);
  if (!id) return <QuestionForm orgId={orgId} />;
  if (question.isPending) return <Spinner label={t('common.loading')} />;
  if (question.isError) {
    return (
      <>
        <Link to={`/hiring?org=${encodeURIComponent(orgId)}`} className="back-link">
          ← {t('orgQuestions.back')}
        </Link>
        <Alert>{isApiError(question.error) && question.error.status === 404 ? t('orgQuestions.form.notFound') : t('errors.loadFailed')}</Alert>
      </>
    );
  }
  return <QuestionForm key={question.data.id} orgId={orgId} question={question.data} />;
}
