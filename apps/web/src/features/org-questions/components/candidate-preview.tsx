import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResponse } from '@goprep/domain';
import { AnswerInput } from '@/components/answer-input';
import { CodeViewer } from '@/components/code-viewer';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { isApiError } from '@/lib/api-client';
import type { OrgQuestionInput } from '../api/create-org-question';
import { usePreviewOrgQuestion, type OrgQuestionPreview } from '../api/preview-org-question';

type Props = {
  orgId: string;
  /** The request body the form would send now. */
  body: OrgQuestionInput;
  /** Field errors of a refused preview go to the form, as for a save. */
  onInvalid: (error: unknown) => void;
  onValid: () => void;
};

/**
 * "Preview as a candidate": the server validates the form as for a save and answers with what a
 * candidate is shown (no key; ordering items and matching choices shuffled). The answer widgets
 * work, but nothing here is saved or graded.
 */
export function CandidatePreview({ orgId, body, onInvalid, onValid }: Props) {
  const { t } = useTranslation();
  const preview = usePreviewOrgQuestion();
  const [shown, setShown] = useState<{ question: OrgQuestionPreview; of: string } | undefined>();
  const [response, setResponse] = useState<QuestionResponse | null>(null);
  const current = JSON.stringify(body);

  const run = () =>
    preview.mutate(
      { orgId, body },
      {
        onSuccess: (question) => {
          setShown({ question, of: current });
          setResponse(null);
          onValid();
        },
        onError: (error) => {
          setShown(undefined);
          onInvalid(error);
        },
      },
    );

  const question = shown?.question;
  return (
    <Card aria-labelledby="oq-preview" data-testid="candidate-preview">
      <div className="oq-preview__head">
        <h2 id="oq-preview" className="card__title">
          {t('orgQuestions.form.candidatePreview')}
        </h2>
        <Button variant="secondary" size="sm" loading={preview.isPending} onClick={run} data-testid="preview-org-question">
          {question ? t('orgQuestions.form.refreshPreview') : t('orgQuestions.form.showPreview')}
        </Button>
      </div>
      <p className="muted small">{t('orgQuestions.form.candidatePreviewHint')}</p>
      {preview.isError && !isApiError(preview.error, 'VALIDATION_FAILED') ? (
        <Alert>{isApiError(preview.error) ? preview.error.message : t('errors.network')}</Alert>
      ) : null}
      {preview.isError && isApiError(preview.error, 'VALIDATION_FAILED') ? <Alert>{t('orgQuestions.form.previewInvalid')}</Alert> : null}
      {question ? (
        <div className="oq-preview stack" data-testid="candidate-preview-body">
          {shown.of !== current ? (
            <p className="muted small" data-testid="preview-stale">
              {t('orgQuestions.form.previewStale')}
            </p>
          ) : null}
          <div className="oq-preview__title">
            <strong>{question.title}</strong>
            <Badge>{t(`questionTypes.${question.type}`, { defaultValue: question.type })}</Badge>
          </div>
          <Markdown source={question.prompt} />
          {question.code ? <CodeViewer code={question.code} label={t('orgQuestions.form.code')} selectable={question.type === 'code-lines'} maxHeight={360} /> : null}
          <AnswerInput question={question} response={response} onChange={(next) => setResponse(next)} />
        </div>
      ) : null}
    </Card>
  );
}
