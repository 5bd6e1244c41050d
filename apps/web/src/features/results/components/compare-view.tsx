import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { useCompare } from '../api/get-compare';
import { formatClock, MAX_COMPARE } from '../utils/results-query';
import { signalsShort, topicName } from './labels';
import '../results.css';

const TONE: Record<string, 'easy' | 'medium' | 'hard' | 'neutral'> = { correct: 'easy', partial: 'medium', incorrect: 'hard', unanswered: 'hard', pending: 'neutral' };

/** Two to four candidates side by side: totals, topics, signals, then question by question. */
export function CompareView({ orgId, ids, resultsPath }: { orgId: string; ids: string[]; resultsPath: string }) {
  const { t } = useTranslation();
  const picked = [...new Set(ids)].slice(0, MAX_COMPARE);
  const compare = useCompare(orgId, picked);
  if (picked.length < 2) return <Alert tone="info">{t('results.compare.pickTwo', { max: MAX_COMPARE })}</Alert>;
  if (compare.isPending) return <Spinner label={t('common.loading')} />;
  if (compare.isError) return <Alert>{t('errors.loadFailed')}</Alert>;
  const { candidates, topics, questions } = compare.data;
  const topicOf = (c: (typeof candidates)[number], topic: string) => c.byTopic.find((b) => b.topic === topic);
  return (
    <div className="stack hiring-stack" data-testid="compare">
      <p>
        <Link to={resultsPath}>← {t('results.report.back')}</Link>
      </p>
      <section className="card">
        <div className="results__scroll" tabIndex={0} role="region" aria-label={t('results.compare.title')}>
          <table className="results-table compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('results.compare.measure')}</span>
                </th>
                {candidates.map((c) => (
                  <th key={c.attemptId} scope="col">
                    <Link to={`${resultsPath}/${c.attemptId}`}>{c.name || c.email}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('results.table.score')}</th>
                {candidates.map((c) => (
                  <td key={c.attemptId} className="results-num" data-testid="compare-score">
                    {c.percent === null ? '–' : `${Math.round(c.percent)}%`}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('results.table.time')}</th>
                {candidates.map((c) => (
                  <td key={c.attemptId} className="results-num">
                    {formatClock(c.durationSeconds)}
                  </td>
                ))}
              </tr>
              {topics.map((topic) => (
                <tr key={topic}>
                  <th scope="row">{topicName(t, topic)}</th>
                  {candidates.map((c) => {
                    const cell = topicOf(c, topic);
                    return (
                      <td key={c.attemptId} className="results-num">
                        {cell?.percent === null || cell === undefined ? '–' : `${Math.round(cell.percent)}%`}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {t('results.table.signals')} <span className="signals__label">{t('results.signals.notProof')}</span>
                </th>
                {candidates.map((c) => (
                  <td key={c.attemptId} className="small">
                    {signalsShort(t, c.signals)}
                  </td>
                ))}
              </tr>
              {questions.map((q) => (
                <tr key={q.questionId}>
                  <th scope="row" className="compare-question">
                    {q.title} <span className="muted small">{topicName(t, q.topic)}</span>
                  </th>
                  {candidates.map((c) => {
                    const cell = q.cells.find((x) => x.attemptId === c.attemptId);
                    return (
                      <td key={c.attemptId}>
                        {cell?.status ? (
                          <>
                            <Badge tone={TONE[cell.status] ?? 'neutral'}>{t(`results.itemStatus.${cell.status}`, { defaultValue: cell.status })}</Badge>{' '}
                            <span className="muted small">{cell.score === null ? '–' : `${Math.round(cell.score * 100) / 100}/${cell.points ?? '–'}`}</span>
                          </>
                        ) : (
                          <span className="muted small">{t('results.compare.notDrawn')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
