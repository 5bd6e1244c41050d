import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { QuestionResponse } from '@goprep/domain';
import { ContentLocaleNote } from '@/components/answer-input';
import { CodeViewer } from '@/components/code-viewer';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { safeHref } from '@/lib/markdown';
import { useAddQuestionToDrills } from '../api/add-to-drills';
import { useQuestion } from '../api/get-question';
import { usePractiseQuestion } from '../api/practise-question';
import { bankSearch } from '../hooks/use-question-filters';
import type { CheckResult, QuestionDetail } from '../types';
import { difficultyLabel, difficultyTone, topicLabel, typeLabel } from './labels';
import { CHECKABLE_TYPES, TryIt } from './try-it';

function ReferenceItem({ reference }: { reference: string }) {
  const href = safeHref(reference);
  return (
    <li>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {reference}
        </a>
      ) : (
        reference
      )}
    </li>
  );
}

/** A code task's preview shows the prompt only: this opens it in the editor as a one-item, untimed attempt. */
function PractiseTask({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const practise = usePractiseQuestion();
  return (
    <div className="stack">
      <Button
        onClick={() => practise.mutate(questionId, { onSuccess: (attempt) => void navigate(`/practice/attempts/${attempt.id}`) })}
        loading={practise.isPending}
        data-testid="practise-task"
      >
        {t('practice.practiseTask')}
      </Button>
      {practise.isError ? <Alert>{isApiError(practise.error) ? practise.error.message : t('errors.loadFailed')}</Alert> : null}
    </div>
  );
}

function AddToDrills({ id }: { id: string }) {
  const { t } = useTranslation();
  const add = useAddQuestionToDrills();
  return (
    <div className="question__actions">
      <Button variant="secondary" onClick={() => add.mutate(id)} disabled={add.isPending || add.isSuccess} data-testid="add-to-drills">
        {t('practice.addToDrills')}
      </Button>
      {add.isSuccess ? (
        <p className="small" role="status" data-testid="drills-added">
          {t(add.data.added > 0 ? 'practice.addedToDrills' : 'practice.alreadyInDrills')} <Link to="/drills">{t('practice.openDrills')}</Link>
        </p>
      ) : null}
      {add.isError ? <Alert>{isApiError(add.error) ? add.error.message : t('errors.loadFailed')}</Alert> : null}
    </div>
  );
}

function QuestionBody({ question }: { question: QuestionDetail }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<number[]>([]);
  const [checked, setChecked] = useState<{ result: CheckResult; response: QuestionResponse } | null>(null);
  const isLines = question.type === 'code-lines';
  const checkable = CHECKABLE_TYPES.has(question.type);
  // The bank's filters came along in `back`; the link returns to the same filtered page.
  const back = bankSearch(params.get('back'));

  return (
    <article className="question" aria-labelledby="question-title">
      <header className="question__header">
        <Link to={`/practice${back}`} className="back-link" data-testid="back-to-bank">
          ← {t('practice.backToBank')}
        </Link>
        <h1 id="question-title" className="page-header__title">
          {question.title}
        </h1>
        <div className="question__meta">
          <span className="muted">
            {topicLabel(t, question.topic)}
            {question.subtopic ? ` · ${question.subtopic}` : ''}
          </span>
          <Badge>{typeLabel(t, question.type)}</Badge>
          <Badge tone={difficultyTone(question.difficulty)}>{difficultyLabel(t, question.difficulty)}</Badge>
          {question.goVersion ? <Badge>Go {question.goVersion}</Badge> : null}
          {question.expectedSeconds ? (
            <span className="muted">{t('practice.expectedTime', { minutes: Math.max(1, Math.round(question.expectedSeconds / 60)) })}</span>
          ) : null}
        </div>
      </header>

      <Card>
        <div lang={question.contentLocale}>
          <ContentLocaleNote info={question} />
          <Markdown source={question.prompt} />
        </div>
        {question.code ? (
          <CodeViewer
            code={question.code}
            label={question.title}
            selectable={isLines && checkable && !checked}
            selectedLines={selected}
            onSelectedLinesChange={setSelected}
            review={isLines && checked ? { chosen: selected, correct: checked.result.verifiedLines ?? [] } : undefined}
          />
        ) : null}
        {question.options?.length && !checkable ? (
          <ol className="options" type="A">
            {question.options.map((o) => (
              <li key={o.id}>
                <Markdown source={o.text} />
              </li>
            ))}
          </ol>
        ) : null}
        {question.unit ? <p className="muted">{t('practice.unit', { unit: question.unit })}</p> : null}
        {question.type === 'code-task' ? <PractiseTask questionId={question.id} /> : null}
        {checkable ? null : <p className="muted small">{t('practice.tryIt.notHere')}</p>}
        <AddToDrills id={question.id} />
      </Card>

      {checkable ? (
        <TryIt
          question={question}
          selectedLines={selected}
          onResult={(result, response) => {
            setChecked(result && response ? { result, response } : null);
            if (!result) setSelected([]);
          }}
        />
      ) : null}

      {question.tags.length ? (
        <ul className="tags" aria-label={t('practice.tags')}>
          {question.tags.map((tag) => (
            <li key={tag}>
              <Link to={`/practice?tag=${encodeURIComponent(tag)}`} className="tag">
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      {question.references.length ? (
        <section className="references" aria-labelledby="refs-title">
          <h2 id="refs-title" className="section-title">
            {t('practice.references')}
          </h2>
          <ul>
            {question.references.map((r, i) => (
              <ReferenceItem key={i} reference={r} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export function QuestionView({ id }: { id: string }) {
  const { t } = useTranslation();
  const question = useQuestion(id);
  if (question.isPending) return <Spinner label={t('common.loading')} />;
  if (question.isError) {
    return (
      <Alert>
        {isApiError(question.error) && question.error.status === 404 ? t('practice.notFound') : t('errors.loadFailed')}
      </Alert>
    );
  }
  return <QuestionBody key={question.data.id} question={question.data} />;
}
