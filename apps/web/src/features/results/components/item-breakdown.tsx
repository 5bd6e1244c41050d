import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import type { ItemStatistics } from '../types';
import { formatStat } from '../utils/results-query';

type Row = ItemStatistics['breakdown'][number];

/** "62% (5 of 8)", with a meter for the eye; a dash when nobody got the question. */
function Share({ count, of }: { count: number; of: number }) {
  const { t } = useTranslation();
  if (of === 0) return <span className="muted">–</span>;
  const percent = (100 * count) / of;
  return (
    <span className="stats-share">
      <meter min={0} max={100} value={percent} aria-hidden="true" />
      <span>{t('results.stats.breakdown.share', { percent: formatStat(percent, 0), count, of })}</span>
    </span>
  );
}

function BreakdownTable({ item }: { item: ItemStatistics }) {
  const { t } = useTranslation();
  const rows: Row[] = item.breakdown;
  if (item.type === 'matching') {
    return (
      <table className="results-table stats-breakdown__table">
        <thead>
          <tr>
            <th scope="col">{t('results.stats.breakdown.left')}</th>
            <th scope="col">{t('results.stats.breakdown.keyMatch')}</th>
            <th scope="col">{t('results.stats.breakdown.matched')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="breakdown-row">
              <th scope="row" className="results-wide">{r.label}</th>
              <td>{r.match}</td>
              <td><Share count={r.count} of={r.of} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (item.type === 'ordering') {
    return (
      <table className="results-table stats-breakdown__table">
        <thead>
          <tr>
            <th scope="col" className="results-num">{t('results.stats.breakdown.position')}</th>
            <th scope="col">{t('results.stats.breakdown.item')}</th>
            <th scope="col">{t('results.stats.breakdown.inOrder')}</th>
            <th scope="col">{t('results.stats.breakdown.exact')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, position) => (
            <tr key={r.id} data-testid="breakdown-row">
              <td className="results-num">{position + 1}</td>
              <th scope="row" className="results-wide">{r.label}</th>
              <td><Share count={r.count} of={r.of} /></td>
              <td><Share count={r.exact ?? 0} of={r.of} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table className="results-table stats-breakdown__table">
      <thead>
        <tr>
          <th scope="col">{t('results.stats.breakdown.option')}</th>
          <th scope="col">{t('results.stats.breakdown.chosen')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="breakdown-row" data-correct={r.correct}>
            <th scope="row" className="results-wide">
              {r.label} {r.correct ? <Badge tone="easy">{t('results.stats.breakdown.correct')}</Badge> : null}
            </th>
            <td><Share count={r.count} of={r.of} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * How the answers to each choice, matching and ordering question went: each option's share of
 * choosers, each pair's share of candidates who matched it as the key does, each position's share
 * of candidates who had its item in order (what partial credit counts) and exactly in place.
 */
export function ItemBreakdowns({ items }: { items: readonly ItemStatistics[] }) {
  const { t } = useTranslation();
  const shown = items.filter((i) => i.breakdown.length > 0);
  if (shown.length === 0) return null;
  return (
    <section className="card" aria-labelledby="stats-breakdown-title" data-testid="item-breakdowns">
      <h2 id="stats-breakdown-title" className="section-title">
        {t('results.stats.breakdown.title')}
      </h2>
      <p className="muted small">{t('results.stats.breakdown.intro')}</p>
      {shown.map((item) => (
        <details key={item.key} className="stats-breakdown" data-testid="item-breakdown" data-type={item.type} open>
          <summary>
            {item.title} <span className="muted small">{t(`results.stats.breakdown.kind.${item.type}`, { defaultValue: item.type })}</span>
          </summary>
          <div className="results__scroll" tabIndex={0} role="region" aria-label={item.title}>
            <BreakdownTable item={item} />
          </div>
        </details>
      ))}
    </section>
  );
}
