import { MIN_ATTEMPTS_FOR_VERDICT } from '@goprep/domain';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { useStatistics } from '../api/get-statistics';
import type { StatValue } from '../types';
import { formatStat } from '../utils/results-query';
import { ItemBreakdowns } from './item-breakdown';
import { topicName } from './labels';
import '../results.css';

/** A measure, or a dash with why it could not be computed (as a tooltip in tables, written out elsewhere). */
function Stat({ value, digits = 1, suffix = '', explain = false }: { value: StatValue; digits?: number; suffix?: string; explain?: boolean }) {
  const { t } = useTranslation();
  if (value.value === null) {
    const reason = value.reason ? t(`results.stats.reason.${value.reason}`, { defaultValue: value.reason }) : undefined;
    return (
      <>
        <span className="muted" title={reason}>
          –
        </span>
        {explain && reason ? <span className="muted small stats-reason">{reason}</span> : null}
      </>
    );
  }
  return <>{`${formatStat(value.value, digits)}${suffix}`}</>;
}

const MEASURES = ['facility', 'sd', 'di', 'de', 'cic', 'er', 'se'] as const;

/** Item analysis of one published version, with a short explanation of every measure. */
export function StatisticsView({ orgId, setId, versions, version, onVersion }: { orgId: string; setId: string; versions: number[]; version: number; onVersion: (v: number) => void }) {
  const { t } = useTranslation();
  const stats = useStatistics(orgId, setId, version);
  return (
    <div className="stack hiring-stack" data-testid="statistics">
      {versions.length > 1 ? (
        <SelectField
          label={t('results.stats.version')}
          value={String(version)}
          onChange={(e) => onVersion(Number(e.target.value))}
          options={versions.map((v) => ({ value: String(v), label: `v${v}` }))}
          className="stats-version"
        />
      ) : null}
      {versions.length === 0 ? <Alert tone="info">{t('results.stats.noVersion')}</Alert> : null}
      {stats.isPending && version > 0 ? <Spinner label={t('common.loading')} /> : null}
      {stats.isError ? <Alert>{t('errors.loadFailed')}</Alert> : null}
      {stats.data ? (
        <>
          <section className="card" aria-labelledby="stats-set-title">
            <h2 id="stats-set-title" className="section-title">
              {t('results.stats.setTitle', { version: stats.data.version })}
            </h2>
            {stats.data.set.attempts < 2 ? <Alert tone="info">{t('results.stats.tooFew')}</Alert> : null}
            {stats.data.excludedPending > 0 ? <p className="muted small">{t('results.stats.excludedPending', { count: stats.data.excludedPending })}</p> : null}
            <dl className="facts report-facts" data-testid="set-stats">
              <div>
                <dt>{t('results.stats.attempts')}</dt>
                <dd>{stats.data.set.attempts}</dd>
              </div>
              <div>
                <dt>{t('results.stats.meanPercent')}</dt>
                <dd>{stats.data.set.meanPercent === null ? '–' : `${formatStat(stats.data.set.meanPercent)}%`}</dd>
              </div>
              <div>
                <dt>{t('results.stats.m.cic')}</dt>
                <dd data-testid="stat-cic">
                  <Stat value={stats.data.set.cic} suffix="%" explain />
                </dd>
              </div>
              <div>
                <dt>{t('results.stats.m.er')}</dt>
                <dd>
                  <Stat value={stats.data.set.errorRatio} suffix="%" explain />
                </dd>
              </div>
              <div>
                <dt>{t('results.stats.m.se')}</dt>
                <dd>
                  <Stat value={stats.data.set.standardError} digits={2} explain />
                </dd>
              </div>
              <div>
                <dt>{t('results.stats.sdTotal')}</dt>
                <dd>
                  <Stat value={stats.data.set.standardDeviation} digits={2} explain />
                </dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="stats-items-title">
            <h2 id="stats-items-title" className="section-title">
              {t('results.stats.itemsTitle')}
            </h2>
            <div className="results__scroll" tabIndex={0} role="region" aria-label={t('results.stats.itemsTitle')}>
              <table className="results-table" data-testid="item-stats">
                <thead>
                  <tr>
                    <th scope="col">{t('results.stats.question')}</th>
                    <th scope="col" className="results-num">{t('results.stats.attempts')}</th>
                    <th scope="col" className="results-num"><abbr title={t('results.stats.m.facility')}>{t('results.stats.abbr.facility')}</abbr></th>
                    <th scope="col" className="results-num"><abbr title={t('results.stats.m.sd')}>{t('results.stats.abbr.sd')}</abbr></th>
                    <th scope="col" className="results-num"><abbr title={t('results.stats.m.di')}>{t('results.stats.abbr.di')}</abbr></th>
                    <th scope="col" className="results-num"><abbr title={t('results.stats.m.de')}>{t('results.stats.abbr.de')}</abbr></th>
                    <th scope="col">{t('results.stats.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.items.map((item) => (
                    <tr key={item.key} data-testid="item-stat-row" data-needs-checking={item.needsChecking}>
                      <td className="results-wide">
                        {item.title} <span className="muted small results-email">{`${topicName(t, item.topic)} · #${item.slots.join(', #')}`}</span>
                      </td>
                      <td className="results-num">{item.attempts}</td>
                      <td className="results-num"><Stat value={item.facility} suffix="%" /></td>
                      <td className="results-num"><Stat value={item.standardDeviation} suffix="%" /></td>
                      <td className="results-num"><Stat value={item.discriminationIndex} /></td>
                      <td className="results-num"><Stat value={item.discriminativeEfficiency} /></td>
                      <td data-testid="item-verdict" data-verdict={item.verdict}>
                        {item.verdict === 'not-enough-attempts' ? (
                          <span className="muted small">{t('results.stats.notEnough', { count: item.attempts, min: MIN_ATTEMPTS_FOR_VERDICT })}</span>
                        ) : null}
                        {item.needsChecking ? <Badge tone="hard">{t('results.stats.needsChecking')}</Badge> : null}
                        {/* Below the minimum the thresholds crossed are noise: the figures stay, the flags go. */}
                        {(item.verdict === 'not-enough-attempts' ? [] : item.flags).map((f) => (
                          <span key={f} className="muted small results-email">
                            {t(`results.stats.flag.${f}`, { defaultValue: f })}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <ItemBreakdowns items={stats.data.items} />
        </>
      ) : null}
      <section className="card" aria-labelledby="stats-help-title">
        <h2 id="stats-help-title" className="section-title">
          {t('results.stats.helpTitle')}
        </h2>
        <dl className="stats-help">
          {MEASURES.map((m) => (
            <div key={m}>
              <dt>{t(`results.stats.m.${m}`)}</dt>
              <dd>{t(`results.stats.help.${m}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
