import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResponse } from '@goprep/domain';
import { AnswerInput, ReviewOptions } from '@/components/answer-input';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { isApiError } from '@/lib/api-client';
import { useCheckAnswer } from '../api/check-answer';
import type { CheckResult, QuestionDetail } from '../types';
import { keyText, responseText } from '@/lib/answer-text';

/** Types the server grades on the spot (essays need a person, flashcards are recalled, code tasks judged). */
export const CHECKABLE_TYPES: ReadonlySet<string> = new Set(['single', 'multi', 'true-false', 'short', 'numeric', 'code-output', 'code-lines', 'matching', 'ordering']);

/** Types whose answer and key are an arrangement of the options, shown as text (lib/answer-text), not as marked options. */
const ARRANGED_TYPES: ReadonlySet<string> = new Set(['matching', 'ordering']);

const STATUS_TONE: Record<string, 'easy' | 'medium' | 'hard'> = { correct: 'easy', partial: 'medium', incorrect: 'hard' };

function yourAnswer(response: QuestionResponse, t: (key: string, opts?: Record<string, unknown>) => string): string {
  switch (response.type) {
    case 'true-false':
      return t(response.value ? 'answer.true' : 'answer.false');
    case 'numeric':
      return String(response.value);
    case 'code-lines':
      return t('practice.tryIt.lines', { lines: response.lines.join(', ') });
    case 'short':
    case 'code-output':
      return response.text;
    default:
      return '';
  }
}

function keyAnswer(result: CheckResult, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const key = result.key;
  if (result.verifiedLines) return t('practice.tryIt.lines', { lines: result.verifiedLines.join(', ') });
  if (result.verifiedOutput) return result.verifiedOutput[0] ?? '';
  if (typeof key['answer'] === 'boolean') return t(key['answer'] ? 'answer.true' : 'answer.false');
  if (typeof key['answer'] === 'number') return `${key['answer']}${typeof key['tolerance'] === 'number' && key['tolerance'] > 0 ? ` (± ${key['tolerance']})` : ''}`;
  const accepted: unknown = key['accepted'];
  if (Array.isArray(accepted)) return accepted.map(String).join(' · ');
  if (Array.isArray(key['answers'])) {
    return (key['answers'] as Array<Record<string, unknown>>)
      .filter((a) => typeof a['credit'] === 'number' && a['credit'] > 0 && a['any'] !== true)
      .map((a) => (a['text'] !== undefined ? String(a['text']) : a['min'] !== undefined ? `${String(a['min'])}–${String(a['max'])}` : String(a['value'])))
      .join(' · ');
  }
  return '';
}

type Props = {
  question: QuestionDetail;
  /** Code-lines: the lines picked in the program viewer above (which the parent owns). */
  selectedLines: number[];
  onResult: (result: CheckResult | null, response: QuestionResponse | null) => void;
};

/**
 * "Try it": answer a bank question untimed and have the server grade it. The key, feedback and
 * explanation arrive only with the verdict; nothing is recorded.
 */
export function TryIt({ question, selectedLines, onResult }: Props) {
  const { t } = useTranslation();
  const check = useCheckAnswer();
  const [response, setResponse] = useState<QuestionResponse | null>(null);
  const [missing, setMissing] = useState(false);
  const result = check.data;
  const isLines = question.type === 'code-lines';
  const given: QuestionResponse | null = isLines ? (selectedLines.length > 0 ? { type: 'code-lines', lines: selectedLines } : null) : response;
  const textLabels = { yes: t('answer.true'), no: t('answer.false'), lines: (lines: string) => t('practice.tryIt.lines', { lines }) };
  // Texts come from what the page shows (the delivered items and choices); the key from the verdict.
  const arranged = (r: QuestionResponse | null) => ({
    type: question.type,
    options: question.options,
    matchItems: question.matchItems,
    response: r as Record<string, unknown> | null,
    key: result?.key ?? {},
  });

  const submit = () => {
    if (!given) {
      setMissing(true);
      return;
    }
    setMissing(false);
    check.mutate({ id: question.id, response: given }, { onSuccess: (r) => onResult(r, given) });
  };
  const again = () => {
    check.reset();
    setResponse(null);
    onResult(null, null);
  };

  return (
    <section className="card try-it" aria-labelledby="try-it-title" data-testid="try-it">
      <h2 id="try-it-title" className="section-title">
        {t('practice.tryIt.title')}
      </h2>
      {!result ? (
        <>
          <p className="muted small">{t('practice.tryIt.lead')}</p>
          {isLines ? <p className="small">{t('practice.tryIt.linesHint')}</p> : null}
          <div lang={question.contentLocale}>
            <AnswerInput question={question} response={response} onChange={(r) => setResponse(r)} disabled={check.isPending} />
          </div>
          {missing ? <Alert>{t('practice.tryIt.needAnswer')}</Alert> : null}
          {check.isError ? <Alert>{isApiError(check.error) ? check.error.message : t('errors.loadFailed')}</Alert> : null}
          <div className="try-it__actions">
            <Button onClick={submit} disabled={check.isPending} data-testid="try-it-check">
              {check.isPending ? t('practice.tryIt.checking') : t('practice.tryIt.check')}
            </Button>
          </div>
        </>
      ) : (
        <div className="try-it__result" data-testid="try-it-result" data-status={result.status}>
          <p className="try-it__verdict" role="status">
            <span className="visually-hidden">{t('practice.tryIt.result')}: </span>
            <Badge tone={STATUS_TONE[result.status] ?? 'hard'}>{t(`quiz.status.${result.status}`, { defaultValue: result.status })}</Badge>
          </p>
          {result.options?.length && !ARRANGED_TYPES.has(question.type) ? (
            <div lang={result.contentLocale}>
              <ReviewOptions options={result.options} response={given} />
            </div>
          ) : (
            <div className="review-compare">
              <div className="review-answer">
                <p className="review-answer__label">{t('practice.tryIt.yourAnswer')}</p>
                {given ? <pre className="review-pre">{ARRANGED_TYPES.has(question.type) ? (responseText(arranged(given), textLabels) ?? '') : yourAnswer(given, t)}</pre> : null}
                {result.feedback ? <p className="muted small">{result.feedback}</p> : null}
              </div>
              <div className="review-answer" data-testid="try-it-key">
                <p className="review-answer__label">{t('practice.tryIt.key')}</p>
                <pre className="review-pre">{ARRANGED_TYPES.has(question.type) ? (keyText(arranged(given), textLabels) ?? '') : keyAnswer(result, t)}</pre>
              </div>
            </div>
          )}
          <section className="review-explanation" data-testid="try-it-explanation" lang={result.contentLocale}>
            <h3 className="review-answer__label">{t('practice.tryIt.explanation')}</h3>
            <Markdown source={result.explanation} />
          </section>
          <div className="try-it__actions">
            <Button variant="secondary" onClick={again} data-testid="try-it-again">
              {t('practice.tryIt.again')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
