import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QuestionResponse } from '@goprep/domain';
import { ContentLocaleNote, ReviewOptions } from '@/components/answer-input';
import { CodeTaskReview, codeFilesOf } from '@/components/code-task';
import { CodeViewer } from '@/components/code-viewer';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useReport } from '../api/get-report';
import type { CandidateReport, ReportItem } from '../types';
import { keyText, responseText } from '@/lib/answer-text';
import { formatClock } from '../utils/results-query';
import { GradeForm } from './grade-form';
import { topicName, typeName } from './labels';
import { SignalsPanel } from './signals-panel';
import { TopicBars } from './topic-bars';
import '../results.css';

const TONE: Record<string, 'easy' | 'medium' | 'hard' | 'neutral'> = { correct: 'easy', partial: 'medium', incorrect: 'hard', unanswered: 'hard', pending: 'neutral' };

function ItemEntry({ orgId, report, item }: { orgId: string; report: CandidateReport; item: ReportItem }) {
  const { t } = useTranslation();
  const labels = { yes: t('answer.true'), no: t('answer.false'), lines: (l: string) => t('results.report.lines', { lines: l }) };
  const answer = responseText(item, labels);
  const key = keyText(item, labels);
  const isChoice = (item.type === 'single' || item.type === 'multi') && (item.options?.length ?? 0) > 0;
  const isLines = item.type === 'code-lines' && Boolean(item.code);
  const chosenLines = item.response && Array.isArray(item.response['lines']) ? item.response['lines'].filter((l): l is number => typeof l === 'number') : [];
  const keyLines = Array.isArray(item.key['lines']) ? item.key['lines'].filter((l): l is number => typeof l === 'number') : [];
  return (
    <li className="card report-item" data-testid="report-item" data-position={item.position} data-status={item.status} data-type={item.type}>
      <header className="report-item__head">
        <h3 className="report-item__title">
          {item.position}. {item.title}
        </h3>
        <div className="report-item__meta">
          <Badge tone={TONE[item.status] ?? 'neutral'}>{t(`results.itemStatus.${item.status}`, { defaultValue: item.status })}</Badge>
          <span data-testid="item-score">{item.score === null ? `– / ${item.points}` : `${Math.round(item.score * 100) / 100} / ${item.points}`}</span>
          <span className="muted small">{topicName(t, item.topic)} · {typeName(t, item.type)}</span>
          <span className="muted small" data-testid="item-time">
            {t('results.report.timeOnItem', { time: formatClock(item.timeSpentMs / 1000) })}
          </span>
          {item.pasteCount > 0 ? <Badge tone="medium">{t('results.report.pastes', { count: item.pasteCount })}</Badge> : null}
        </div>
      </header>
      <details>
        <summary className="small">{t('results.report.prompt')}</summary>
        <ContentLocaleNote info={item} />
        <Markdown source={item.prompt} />
        {item.code && !isLines ? <pre className="review-pre">{item.code}</pre> : null}
      </details>
      {isLines && item.code ? (
        // The program with the candidate's lines and the key's lines marked, as on the learner's result page.
        <CodeViewer code={item.code} label={item.title} selectable={false} review={{ chosen: chosenLines, correct: item.verifiedLines ?? keyLines }} />
      ) : null}
      {isChoice ? (
        // Lettered in the order the candidate saw them, with their Markdown rendered.
        <ReviewOptions options={item.options ?? []} response={item.response as QuestionResponse | null} pickLabel={t('results.report.candidatePick')} />
      ) : null}
      {item.type === 'code-task' ? (
        <CodeTaskReview id={`report-${report.attemptId}-${item.position}`} files={codeFilesOf(item.response)} judge={item.judge} />
      ) : isChoice ? (
        item.response ? null : <p className="muted" data-testid="item-answer">{t('results.report.noAnswer')}</p>
      ) : (
        <div className="report-item__answers">
          <div>
            <p className="review-answer__label">{t('results.report.answer')}</p>
            {answer ? <pre className="review-pre" data-testid="item-answer">{answer}</pre> : <p className="muted">{t('results.report.noAnswer')}</p>}
          </div>
          {key ? (
            <div>
              <p className="review-answer__label">{t('results.report.key')}</p>
              <pre className="review-pre">{key}</pre>
            </div>
          ) : null}
        </div>
      )}
      {item.manualGrade ? (
        <p className="muted small">
          {t('results.grade.graded', { score: item.manualGrade.score, max: item.points })}
          {item.manualGrade.comment ? ` — ${item.manualGrade.comment}` : ''}
        </p>
      ) : null}
      {item.type === 'essay' && item.response && report.state === 'submitted' ? <GradeForm orgId={orgId} attemptId={report.attemptId} item={item} /> : null}
    </li>
  );
}

/** Everything about one candidate's attempt: score, time, topics, each answer with its time, and the signals. */
export function CandidateReportView({
  orgId,
  attemptId,
  resultsPath,
  beside,
}: {
  orgId: string;
  attemptId: string;
  resultsPath: string;
  /** Shown next to the assessment results (the route adds the candidate's live rounds). */
  beside?: (report: CandidateReport) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const report = useReport(orgId, attemptId);
  if (report.isPending) return <Spinner label={t('common.loading')} />;
  if (report.isError) return <Alert>{isApiError(report.error) && report.error.status === 404 ? t('results.report.notFound') : t('errors.loadFailed')}</Alert>;
  const r = report.data;
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '–');
  const essaysToGrade = r.items.filter((i) => i.status === 'pending').length;
  return (
    <div className="stack hiring-stack" data-testid="candidate-report">
      <p>
        <Link to={resultsPath}>← {t('results.report.back')}</Link>
      </p>
      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title" className="section-title" data-testid="report-name">
          {r.name || r.email} <span className="muted small">{r.email}</span>
        </h2>
        <dl className="facts report-facts">
          <div>
            <dt>{t('results.report.score')}</dt>
            <dd data-testid="report-score">
              {r.percent === null ? '–' : `${Math.round(r.percent)}%`}
              {r.score !== null && r.maxScore !== null ? <span className="muted small">{` ${Math.round(r.score * 100) / 100} / ${r.maxScore}`}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('results.report.time')}</dt>
            <dd>{formatClock(r.durationSeconds)}</dd>
          </div>
          <div>
            <dt>{t('results.report.state')}</dt>
            <dd>{t(`results.attemptState.${r.state}`, { defaultValue: r.state })}</dd>
          </div>
          <div>
            <dt>{t('results.report.started')}</dt>
            <dd>{date(r.startedAt)}</dd>
          </div>
          <div>
            <dt>{t('results.report.submitted')}</dt>
            <dd>{date(r.submittedAt)}</dd>
          </div>
          <div>
            <dt>{t('results.report.version')}</dt>
            <dd>v{r.version}</dd>
          </div>
        </dl>
        {r.pendingGrading ? <Alert tone="info">{t('results.report.pendingGrading', { count: essaysToGrade })}</Alert> : null}
        <TopicBars topics={r.byTopic} />
      </section>
      {beside?.(r)}
      <SignalsPanel signals={r.signals} />
      <section aria-labelledby="report-items-title">
        <h2 id="report-items-title" className="section-title">
          {t('results.report.items', { count: r.items.length })}
        </h2>
        <ol className="report-items">
          {r.items.map((item) => (
            <ItemEntry key={item.position} orgId={orgId} report={r} item={item} />
          ))}
        </ol>
      </section>
    </div>
  );
}
