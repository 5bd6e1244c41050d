import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicRetention } from '../types';
import { retentionHue } from '../utils/chart';
import { topicLabel } from './labels';

/**
 * Retention per topic as a grid of cells: colour and the number, so colour is never the only
 * signal. Cells are focusable (Tab) and carry their full sentence as title and accessible name.
 */
export function TopicHeatmap({ topics }: { topics: readonly TopicRetention[] }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  if (topics.length === 0) return <p className="muted">{t('drillsDashboard.heatmap.empty')}</p>;
  return (
    <>
      <ul className="heatmap" data-testid="topic-heatmap">
        {topics.map((topic) => {
          const name = topicLabel(t, topic.topic);
          const value = topic.trueRetention;
          const text =
            value === null
              ? t('drillsDashboard.heatmap.cellNone', { topic: name, cards: topic.cards })
              : t('drillsDashboard.heatmap.cell', { topic: name, retention: pct(value), reviews: topic.reviews, cards: topic.cards });
          const style = value === null ? undefined : ({ '--heat-hue': String(retentionHue(value)) } as CSSProperties);
          return (
            <li
              key={topic.topic}
              className={`heatmap__cell${value === null ? ' heatmap__cell--none' : ''}`}
              style={style}
              tabIndex={0}
              title={text}
              aria-label={text}
              data-testid="heatmap-cell"
              data-topic={topic.topic}
              data-retention={value ?? ''}
            >
              <span className="heatmap__value" aria-hidden="true">
                {value === null ? t('drillsDashboard.heatmap.none') : pct(value)}
              </span>
              <span className="heatmap__topic" aria-hidden="true">
                {name}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="heatmap__legend muted small" aria-hidden="true">
        <span>{t('drillsDashboard.heatmap.legendLow')}</span>
        <span className="heatmap__ramp" />
        <span>{t('drillsDashboard.heatmap.legendHigh')}</span>
      </p>
    </>
  );
}
