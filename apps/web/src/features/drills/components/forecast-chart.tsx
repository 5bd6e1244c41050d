import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCount } from '../types';
import { barHeight, shortDay } from '../utils/chart';

const BAR_W = 10;
const GAP = 4;
const H = 120;
const LABEL_H = 16;

/**
 * Cards due per day as SVG bars, no chart library. The picture is one labelled image (title and
 * a summary for screen readers; each bar has its own title for pointer users), and the same
 * numbers are one click away as a real table.
 */
export function ForecastChart({ days, compact = false }: { days: readonly DayCount[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const peak = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const width = days.length * (BAR_W + GAP) - GAP;
  const lastDay = days.at(-1);
  const label = (d: DayCount, i: number) => t('drillsDashboard.forecast.bar', { count: d.count, day: i === 0 ? t('drillsDashboard.forecast.today') : shortDay(d.day, i18n.language) });
  return (
    <figure className={`forecast${compact ? ' forecast--compact' : ''}`} data-testid="forecast-chart" data-total={total}>
      <svg
        className="forecast__svg"
        viewBox={`0 0 ${width} ${H + LABEL_H}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <title id={titleId}>{t('drillsDashboard.forecast.title')}</title>
        <desc id={descId}>{t('drillsDashboard.forecast.summary', { total, peak: Math.max(0, ...days.map((d) => d.count)) })}</desc>
        <line className="forecast__axis" x1={0} x2={width} y1={H + 0.5} y2={H + 0.5} />
        {days.map((d, i) => {
          const h = barHeight(d.count, peak, H - 4);
          return (
            <g key={d.day} data-testid="forecast-bar" data-day={d.day} data-count={d.count}>
              <title>{label(d, i)}</title>
              {/* A full-height hit area, so hovering an empty day still shows its title. */}
              <rect className="forecast__hit" x={i * (BAR_W + GAP)} y={0} width={BAR_W} height={H} />
              <rect className={`forecast__bar${i === 0 ? ' forecast__bar--today' : ''}`} x={i * (BAR_W + GAP)} y={H - h} width={BAR_W} height={h} rx={2} />
            </g>
          );
        })}
      </svg>
      {compact ? null : (
        <div className="forecast__scale muted small" aria-hidden="true">
          <span>{t('drillsDashboard.forecast.today')}</span>
          <span>{lastDay ? shortDay(lastDay.day, i18n.language) : ''}</span>
        </div>
      )}
      {compact ? null : (
        <details className="forecast__table">
          <summary>{t('drillsDashboard.forecast.showTable')}</summary>
          <table className="table small">
            <thead>
              <tr>
                <th scope="col">{t('drillsDashboard.forecast.day')}</th>
                <th scope="col">{t('drillsDashboard.forecast.count')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d.day}>
                  <th scope="row">{i === 0 ? t('drillsDashboard.forecast.today') : shortDay(d.day, i18n.language)}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
