import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useDrillStats } from '../api/get-stats';
import type { DrillOptimization, DrillStats } from '../types';
import { ForecastChart } from './forecast-chart';
import { SuspendedCards } from './suspended-cards';
import { TopicHeatmap } from './topic-heatmap';
import '../drills-dashboard.css';

function Tile({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId: string }) {
  return (
    <div className="drills-tile">
      <dt className="drills-tile__label">{label}</dt>
      <dd className="drills-tile__value" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="drills-tile__note muted small">{note}</dd> : null}
    </div>
  );
}

function RetentionMeter({ actual, desired }: { actual: number; desired: number }) {
  return (
    <span className="retention-meter" aria-hidden="true">
      <span className="retention-meter__fill" style={{ width: `${Math.round(actual * 100)}%` }} />
      <span className="retention-meter__goal" style={{ left: `${Math.round(desired * 100)}%` }} />
    </span>
  );
}

/** Due today, streak and retention (true vs desired): the three numbers a learner looks for. */
export function DrillTiles({ stats }: { stats: DrillStats }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  const { retention } = stats;
  return (
    <dl className="drills-tiles" data-testid="drill-tiles">
      <Tile label={t('drillsDashboard.tiles.dueToday')} value={stats.dueToday} testId="due-today" />
      <Tile label={t('drillsDashboard.tiles.streak')} value={t('drillsDashboard.tiles.streakValue', { count: stats.streak })} testId="streak" />
      <Tile
        label={t('drillsDashboard.tiles.retention')}
        testId="retention-true"
        value={
          retention.trueRetention === null
            ? '—'
            : t('drillsDashboard.tiles.retentionValue', { actual: pct(retention.trueRetention), desired: pct(retention.desiredRetention) })
        }
        note={
          retention.trueRetention === null ? (
            t('drillsDashboard.tiles.retentionNone')
          ) : (
            <>
              <RetentionMeter actual={retention.trueRetention} desired={retention.desiredRetention} />
              {t('drillsDashboard.tiles.retentionReviews', { count: retention.reviews })}
            </>
          )
        }
      />
    </dl>
  );
}

function OptimizerStatus({ personal, optimization }: { personal: boolean; optimization: DrillOptimization | null }) {
  const { t, i18n } = useTranslation();
  const loss = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  let detail = t('drillsDashboard.optimizer.never');
  if (optimization) {
    const values = { fitted: loss(optimization.fittedLogLoss), current: loss(optimization.currentLogLoss), items: optimization.itemCount };
    detail =
      optimization.outcome === 'switched'
        ? t('drillsDashboard.optimizer.switched', values)
        : optimization.outcome === 'kept'
          ? t('drillsDashboard.optimizer.kept', values)
          : optimization.outcome === 'not-enough-data'
            ? t('drillsDashboard.optimizer.notEnough', values)
            : t('drillsDashboard.optimizer.failed');
  }
  const when = optimization ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(optimization.evaluatedAt)) : '';
  return (
    <div data-testid="optimizer-status" data-outcome={optimization?.outcome ?? ''}>
      <p>{t(personal ? 'drillsDashboard.optimizer.personal' : 'drillsDashboard.optimizer.defaults')}</p>
      <p className="muted small">{detail}</p>
      {optimization ? <p className="muted small">{t('drillsDashboard.optimizer.lastRun', { when, reviews: optimization.reviewCount })}</p> : null}
    </div>
  );
}

/** The drills dashboard: tiles, the 30-day forecast, retention per topic, suspended cards, the optimizer. */
export function DrillsDashboard() {
  const { t } = useTranslation();
  const stats = useDrillStats();
  if (stats.error) return <Alert>{isApiError(stats.error) ? stats.error.message : t('drillsDashboard.error')}</Alert>;
  if (!stats.data) return <Spinner label={t('drillsDashboard.loading')} />;
  const data = stats.data;
  return (
    <div className="drills-dash" data-testid="drills-dashboard">
      <Card>
        <DrillTiles stats={data} />
      </Card>
      <Card aria-labelledby="forecast-title">
        <h2 id="forecast-title" className="card__title">
          {t('drillsDashboard.forecast.title')}
        </h2>
        {data.forecast.some((d) => d.count > 0) ? <ForecastChart days={data.forecast} /> : <p className="muted">{t('drillsDashboard.forecast.empty')}</p>}
      </Card>
      <Card aria-labelledby="heatmap-title">
        <h2 id="heatmap-title" className="card__title">
          {t('drillsDashboard.heatmap.title')}
        </h2>
        <p className="muted small">{t('drillsDashboard.heatmap.lead')}</p>
        <TopicHeatmap topics={data.byTopic} />
      </Card>
      <Card aria-labelledby="suspended-title" id="suspended">
        <h2 id="suspended-title" className="card__title">
          {t('drillsDashboard.suspended.title')}
        </h2>
        <p className="muted small">{t('drillsDashboard.suspended.lead')}</p>
        <SuspendedCards />
      </Card>
      <Card aria-labelledby="export-title">
        <h2 id="export-title" className="card__title">
          {t('drillsDashboard.export.title')}
        </h2>
        <p className="muted small">{t('drillsDashboard.export.lead')}</p>
        <ul className="drills-export" data-testid="drills-export">
          <li>
            <a href="/api/drills/export.apkg" download data-testid="export-apkg">
              {t('drillsDashboard.export.apkg')}
            </a>
          </li>
          <li>
            <a href="/api/drills/export.apkg?scope=missed" download data-testid="export-missed">
              {t('drillsDashboard.export.missedApkg')}
            </a>
          </li>
          <li>
            <a href="/api/drills/export.csv" download data-testid="export-csv">
              {t('drillsDashboard.export.csv')}
            </a>
          </li>
        </ul>
      </Card>
      <Card aria-labelledby="optimizer-title">
        <h2 id="optimizer-title" className="card__title">
          {t('drillsDashboard.optimizer.title')}
        </h2>
        <OptimizerStatus personal={data.personalWeights} optimization={data.optimization} />
      </Card>
    </div>
  );
}

/** The compact version for the main dashboard: the three numbers and the next week's bars. */
export function DrillsSummary() {
  const { t } = useTranslation();
  const stats = useDrillStats();
  // Nothing to sum up before the first card: the dashboard's drills card already invites to start.
  if (!stats.data || stats.data.byTopic.length === 0) return null;
  return (
    <section className="card drills-summary" aria-labelledby="drills-summary-title" data-testid="drills-summary">
      <div className="drills-summary__head">
        <h2 id="drills-summary-title" className="card__title">
          {t('drillsDashboard.summary.title')}
        </h2>
        <Link to="/drills/stats" className="small">
          {t('drillsDashboard.summary.open')}
        </Link>
      </div>
      <DrillTiles stats={stats.data} />
      <p className="muted small">{t('drillsDashboard.summary.forecast')}</p>
      {stats.data.forecast.slice(0, 7).some((d) => d.count > 0) ? (
        <ForecastChart days={stats.data.forecast.slice(0, 7)} compact />
      ) : (
        <p className="muted small" data-testid="forecast-empty">
          {t('drillsDashboard.forecast.emptyWeek')}
        </p>
      )}
    </section>
  );
}
