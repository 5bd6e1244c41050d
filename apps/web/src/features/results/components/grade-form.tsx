import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useGradeItem } from '../api/grade-item';
import type { ReportItem } from '../types';

/** Manual grading of an essay against its rubric (the rubric is shown beside the answer). */
export function GradeForm({ orgId, attemptId, item }: { orgId: string; attemptId: string; item: ReportItem }) {
  const { t } = useTranslation();
  const grade = useGradeItem(orgId, attemptId);
  const [score, setScore] = useState(item.manualGrade ? String(item.manualGrade.score) : '');
  const [comment, setComment] = useState(item.manualGrade?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const value = Number(score);
  const bad = score.trim() === '' || !Number.isFinite(value) || value < 0 || value > item.points;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (bad) return;
    grade.mutate({ position: item.position, body: { score: value, comment: comment.trim() } }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="form grade-form" onSubmit={onSubmit} noValidate data-testid="grade-form" aria-label={t('results.grade.title', { n: item.position })}>
      {item.rubric?.length ? (
        <div className="grade-form__rubric">
          <p className="review-answer__label">{t('results.grade.rubric')}</p>
          <ul>
            {item.rubric.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="invites-form__row">
        <TextField
          label={t('results.grade.score', { max: item.points })}
          type="number"
          min={0}
          max={item.points}
          step="any"
          value={score}
          onChange={(e) => setScore(e.target.value)}
          error={score !== '' && bad ? t('results.grade.badScore', { max: item.points }) : undefined}
          data-testid="grade-score"
        />
      </div>
      <TextAreaField label={t('results.grade.comment')} rows={2} value={comment} maxLength={4000} onChange={(e) => setComment(e.target.value)} data-testid="grade-comment" />
      <Alert>{grade.isError ? (isApiError(grade.error) ? grade.error.message : t('errors.network')) : null}</Alert>
      {saved ? <Alert tone="success">{t('results.grade.saved')}</Alert> : null}
      <div className="actions">
        <Button type="submit" size="sm" loading={grade.isPending} disabled={bad} data-testid="grade-save">
          {t(item.manualGrade ? 'results.grade.update' : 'results.grade.save')}
        </Button>
      </div>
    </form>
  );
}
