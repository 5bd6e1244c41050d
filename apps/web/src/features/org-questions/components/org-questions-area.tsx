import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { AreaCard } from '@/components/ui/area-card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useChosenOrg } from '@/lib/chosen-org';
import { useOrgQuestions, type OrgQuestionSummary } from '../api/get-org-questions';
import { useRetireOrgQuestion } from '../api/retire-org-question';
import { ImportQuestions } from './import-questions';
import { VerificationBadge } from './verification-badge';

export const editorPath = (orgId: string, id?: string) =>
  `/hiring/orgs/${encodeURIComponent(orgId)}/questions/${id ? encodeURIComponent(id) : 'new'}`;

function QuestionRow({ orgId, question, onRetired }: { orgId: string; question: OrgQuestionSummary; onRetired: (title: string) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const retire = useRetireOrgQuestion();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const retireRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Move focus into the confirmation, and back to the button that opened it when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) retireRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <li className="oq-row" data-testid="org-question-row" data-question-id={question.id}>
      <div className="oq-row__main">
        <Link to={editorPath(orgId, question.id)} className="oq-row__title">
          {question.title}
        </Link>
        <span className="question-row__meta">
          <span className="muted">{t(`topics.${question.topic}`, { defaultValue: question.topic })}</span>
          <Badge>{t(`questionTypes.${question.type}`, { defaultValue: question.type })}</Badge>
          <Badge tone={question.difficulty <= 2 ? 'easy' : question.difficulty === 3 ? 'medium' : 'hard'}>
            {t(`difficulty.${question.difficulty}`, { defaultValue: String(question.difficulty) })}
          </Badge>
          <VerificationBadge verification={question.verification} />
          <span className="muted small">{t('orgQuestions.version', { version: question.version })}</span>
        </span>
      </div>
      {confirming ? (
        <div
          className="oq-confirm"
          role="group"
          aria-label={t('orgQuestions.retireConfirm', { title: question.title })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p className="oq-confirm__text">{t('orgQuestions.retireConfirm', { title: question.title })}</p>
          <div className="oq-row__actions">
            <button
              ref={confirmRef}
              type="button"
              className="btn btn--danger btn--sm"
              disabled={retire.isPending}
              aria-busy={retire.isPending || undefined}
              onClick={() => retire.mutate({ orgId, id: question.id }, { onSuccess: () => onRetired(question.title) })}
            >
              {t('orgQuestions.retireYes')}
            </button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
          <Alert>{retire.isError ? (isApiError(retire.error) ? retire.error.message : t('errors.network')) : null}</Alert>
        </div>
      ) : (
        <div className="oq-row__actions">
          <Link to={editorPath(orgId, question.id)} className="btn btn--secondary btn--sm" aria-label={t('orgQuestions.editNamed', { title: question.title })}>
            {t('orgQuestions.edit')}
          </Link>
          <button
            ref={retireRef}
            type="button"
            className="btn btn--ghost btn--sm"
            aria-label={t('orgQuestions.retireNamed', { title: question.title })}
            onClick={() => setConfirming(true)}
          >
            {t('orgQuestions.retire')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The Hiring page's working part: pick an organization, list and retire its private questions. */
export function OrgQuestionsArea() {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [retired, setRetired] = useState<string>();
  const created = (useLocation().state as { created?: string } | null)?.created;
  const { orgs, org } = useChosenOrg();
  const questions = useOrgQuestions(org?.id);

  return (
    <AreaCard
      titleId="oq-title"
      title={t('orgQuestions.title')}
      lead={t('orgQuestions.lead')}
      data-testid="org-questions"
      action={
        org ? (
          <Link to={editorPath(org.id)} className="btn btn--primary" data-testid="new-org-question">
            {t('orgQuestions.new')}
          </Link>
        ) : null
      }
    >
      {!org ? (
        <p className="empty">
          {t('orgQuestions.noOrgs')} <Link to="/account">{t('orgQuestions.toAccount')}</Link>
        </p>
      ) : (
        <>
          <SelectField
            className="oq-org"
            label={t('orgQuestions.organization')}
            value={org.id}
            onChange={(e) => {
              setRetired(undefined);
              setParams({ org: e.target.value }, { replace: true });
            }}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Alert tone="success">
            {retired ? t('orgQuestions.retired', { title: retired }) : created ? t('orgQuestions.created', { title: created }) : null}
          </Alert>
          {questions.isPending ? (
            <Spinner label={t('common.loading')} />
          ) : questions.isError ? (
            <Alert>{t('errors.loadFailed')}</Alert>
          ) : questions.data.length === 0 ? (
            <p className="empty">{t('orgQuestions.empty')}</p>
          ) : (
            <>
              <p className="muted list-summary">{t('orgQuestions.count', { count: questions.data.length })}</p>
              <ul className="oq-list" data-testid="org-question-list">
                {questions.data.map((q) => (
                  <QuestionRow key={q.id} orgId={org.id} question={q} onRetired={setRetired} />
                ))}
              </ul>
            </>
          )}
          <ImportQuestions key={org.id} orgId={org.id} />
        </>
      )}
    </AreaCard>
  );
}
