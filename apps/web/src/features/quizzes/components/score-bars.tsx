import { useTranslation } from 'react-i18next';

export type Bar = { key: string; label: string; score: number; maxScore: number; percent: number | null; items: number };

/**
 * A horizontal bar chart in plain HTML/CSS: each row reads in full to a screen reader
 * ("Channels: 3 of 4 points, 75%"), the bar itself is decoration.
 */
export function ScoreBars({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const { t } = useTranslation();
  const titleId = `${testId ?? 'bars'}-title`;
  // One bar (a quiz on one topic, or of one difficulty) only repeats the total above: no chart.
  if (bars.length < 2) return null;
  return (
    <section className="score-bars" aria-labelledby={titleId} data-testid={testId}>
      {/* The result page has no section heading above the charts: h2, under the page's h1. */}
      <h2 id={titleId} className="score-bars__title">
        {title}
      </h2>
      <ul className="score-bars__list">
        {bars.map((bar) => {
          const pct = bar.percent ?? (bar.maxScore > 0 ? (bar.score / bar.maxScore) * 100 : 0);
          return (
            <li key={bar.key} className="score-bars__row">
              <span className="score-bars__label">{bar.label}</span>
              <span className="score-bars__track" aria-hidden="true">
                <span className="score-bars__fill" style={{ width: `${Math.max(0, Math.min(100, pct))}%` }} />
              </span>
              <span className="score-bars__value">
                {t('quiz.result.barValue', {
                  score: round(bar.score),
                  max: round(bar.maxScore),
                  percent: bar.percent === null ? '—' : `${Math.round(pct)}%`,
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const round = (n: number) => Math.round(n * 100) / 100;
