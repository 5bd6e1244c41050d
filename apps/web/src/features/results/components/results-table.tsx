import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { downloadResultsCsv } from '../api/download-csv';
import { RESULTS_PAGE, useResults } from '../api/get-results';
import type { ResultRow } from '../types';
import { MAX_COMPARE, STATUSES, formatClock, paramsFromQuery, queryFromParams, toggleCompare, toggleSort, type ResultsQuery, type SortKey } from '../utils/results-query';
import { signalsShort, topicName } from './labels';
import '../results.css';

const STATUS_TONE: Record<string, 'neutral' | 'accent' | 'easy' | 'medium' | 'hard'> = {
  invited: 'neutral',
  started: 'accent',
  submitted: 'easy',
  expired: 'medium',
  revoked: 'hard',
};

function SortHeader({ query, sort, label, onSort }: { query: ResultsQuery; sort: SortKey; label: string; onSort: (s: SortKey) => void }) {
  const active = query.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="results-sort" onClick={() => onSort(sort)} data-testid={`sort-${sort}`}>
        {label}
        <span aria-hidden="true">{active ? (query.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function TopicCells({ row, topics }: { row: ResultRow; topics: string[] }) {
  const by = new Map(row.byTopic.map((t) => [t.topic, t]));
  return (
    <>
      {topics.map((topic) => {
        const cell = by.get(topic);
        return (
          <td key={topic} className="results-num">
            {cell?.percent === null || cell === undefined ? '–' : `${Math.round(cell.percent)}%`}
          </td>
        );
      })}
    </>
  );
}

/** The set's candidates: status, score, time and per-topic breakdown; sort, filter, CSV, pick 2-4 to compare. */
/** csvName: the download's file name, undefined while it is not known yet (the button waits for it). */
export function ResultsTable({ orgId, setId, basePath, csvName }: { orgId: string; setId: string; basePath: string; csvName: string | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const results = useResults(orgId, setId, query);
  const [selected, setSelected] = useState<string[]>([]);
  const [search, setSearch] = useState(query.search);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  const update = (next: ResultsQuery) => setParams(paramsFromQuery(next), { replace: true });
  const toggleStatus = (s: (typeof STATUSES)[number]) =>
    update({ ...query, status: query.status.includes(s) ? query.status.filter((x) => x !== s) : [...query.status, s] });

  const download = async () => {
    if (csvName === undefined) return;
    setCsvError(null);
    setDownloading(true);
    try {
      await downloadResultsCsv(orgId, setId, query, csvName);
    } catch (error) {
      setCsvError(isApiError(error) ? error.message : t('errors.network'));
    } finally {
      setDownloading(false);
    }
  };

  const pages = results.data?.pages ?? [];
  const topics = pages[0]?.topics ?? [];
  const rows = pages.flatMap((page) => page.rows);
  const total = pages[0]?.total ?? 0;
  const compareHref = `${basePath}/compare?ids=${selected.join(',')}`;

  return (
    <section className="card results" aria-labelledby="results-title" data-testid="results">
      <div className="results__top">
        <h2 id="results-title" className="section-title">
          {t('results.table.title', { count: total })}
        </h2>
        <div className="results__actions">
          {selected.length >= 2 ? (
            <Link className="btn btn--secondary btn--sm" to={compareHref} data-testid="compare-link">
              {t('results.table.compare', { count: selected.length })}
            </Link>
          ) : (
            <span className="muted small">{t('results.table.compareHint', { max: MAX_COMPARE })}</span>
          )}
          <Button variant="secondary" size="sm" onClick={() => void download()} loading={downloading} disabled={csvName === undefined} data-testid="download-csv">
            {t('results.table.csv')}
          </Button>
        </div>
      </div>
      <form
        className="results__filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ ...query, search });
        }}
      >
        <label className="visually-hidden" htmlFor="results-search">
          {t('results.table.search')}
        </label>
        <input id="results-search" className="input" type="search" placeholder={t('results.table.search')} value={search} onChange={(e) => setSearch(e.target.value)} onBlur={() => update({ ...query, search })} data-testid="results-search" />
        <label className="results__min">
          <span>{t('results.table.minPercent')}</span>
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            value={query.minPercent ?? ''}
            onChange={(e) => update({ ...query, minPercent: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
        <div className="chip-row" role="group" aria-label={t('results.table.status')}>
          {STATUSES.map((s) => (
            <button key={s} type="button" className={['chip', query.status.includes(s) ? 'chip--on' : ''].filter(Boolean).join(' ')} aria-pressed={query.status.includes(s)} onClick={() => toggleStatus(s)} data-testid={`filter-${s}`}>
              {t(`results.status.${s}`)}
            </button>
          ))}
        </div>
      </form>
      <Alert>{csvError}</Alert>
      {results.isPending ? <Spinner label={t('common.loading')} /> : null}
      {results.isError ? <Alert>{t('errors.loadFailed')}</Alert> : null}
      {results.data && rows.length === 0 ? <p className="muted">{t('results.table.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="results__scroll" tabIndex={0} role="region" aria-label={t('results.table.title', { count: rows.length })}>
          <table className="results-table" data-testid="results-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('results.table.select')}</span>
                </th>
                <SortHeader query={query} sort="rank" label="#" onSort={(s) => update(toggleSort(query, s))} />
                <SortHeader query={query} sort="name" label={t('results.table.candidate')} onSort={(s) => update(toggleSort(query, s))} />
                <SortHeader query={query} sort="status" label={t('results.table.status')} onSort={(s) => update(toggleSort(query, s))} />
                <SortHeader query={query} sort="score" label={t('results.table.score')} onSort={(s) => update(toggleSort(query, s))} />
                <SortHeader query={query} sort="duration" label={t('results.table.time')} onSort={(s) => update(toggleSort(query, s))} />
                {/* Signals before the topics: with many topics the table scrolls, and the last column was the one out of view. */}
                <th scope="col" data-testid="signals-header">
                  {t('results.table.signals')}
                </th>
                {topics.map((topic) => (
                  <th key={topic} scope="col" className="results-num results-topic">
                    {topicName(t, topic)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const signals = row.signals.pasteCount + row.signals.focusLostCount + row.signals.hiddenCount;
                return (
                  <tr key={row.inviteId} data-testid="result-row" data-email={row.email} data-status={row.status}>
                    <td>
                      {row.attemptId ? (
                        <input
                          type="checkbox"
                          checked={selected.includes(row.attemptId)}
                          disabled={!selected.includes(row.attemptId) && selected.length >= MAX_COMPARE}
                          onChange={() => setSelected((s) => toggleCompare(s, row.attemptId ?? ''))}
                          aria-label={t('results.table.selectOne', { name: row.name || row.email })}
                          data-testid="compare-check"
                        />
                      ) : null}
                    </td>
                    <td className="results-num">{row.rank ?? '–'}</td>
                    <td className="results-wide">
                      {row.attemptId ? (
                        <Link to={`${basePath}/${row.attemptId}`} data-testid="report-link">
                          {row.name || row.email}
                        </Link>
                      ) : (
                        row.name || row.email
                      )}
                      <span className="muted small results-email">{row.email}</span>
                    </td>
                    <td>
                      <Badge tone={STATUS_TONE[row.status] ?? 'neutral'}>{t(`results.status.${row.status}`, { defaultValue: row.status })}</Badge>
                      {row.pendingGrading ? <span className="muted small results-email">{t('results.table.pendingGrading')}</span> : null}
                    </td>
                    <td className="results-num" data-testid="result-score">
                      {row.percent === null ? '–' : `${Math.round(row.percent)}%`}
                      {row.score !== null && row.maxScore !== null ? <span className="muted small results-email">{`${Math.round(row.score * 100) / 100} / ${row.maxScore}`}</span> : null}
                    </td>
                    <td className="results-num">{formatClock(row.durationSeconds)}</td>
                    <td className="results-num" title={signalsShort(t, row.signals)}>
                      {signals > 0 ? t('results.table.signalCount', { count: signals }) : '–'}
                    </td>
                    <TopicCells row={row} topics={topics} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {results.hasNextPage ? (
        <div className="results__more">
          <span className="muted small" data-testid="results-shown">
            {t('results.table.shown', { shown: rows.length, total })}
          </span>
          <Button variant="secondary" size="sm" onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage} data-testid="results-more">
            {t('results.table.more', { count: Math.min(RESULTS_PAGE, total - rows.length) })}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
