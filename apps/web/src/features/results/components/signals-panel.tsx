import { useTranslation } from 'react-i18next';
import type { IntegritySummary } from '../types';
import { formatClock } from '../utils/results-query';

/** Integrity signals, always labelled as signals and not proof (a paste can be a candidate's own notes). */
export function SignalsPanel({ signals }: { signals: IntegritySummary }) {
  const { t } = useTranslation();
  return (
    <section className="card signals" aria-labelledby="signals-title" data-testid="signals">
      <h2 id="signals-title" className="section-title">
        {t('results.signals.title')} <span className="signals__label">{t('results.signals.notProof')}</span>
      </h2>
      <p className="muted small">{t('results.signals.explain')}</p>
      {signals.any ? (
        <dl className="signals__grid">
          <div>
            <dt>{t('results.signals.pastes')}</dt>
            <dd data-testid="signal-pastes">{t('results.signals.pastesValue', { count: signals.pasteCount, chars: signals.pastedChars })}</dd>
          </div>
          <div>
            <dt>{t('results.signals.focusLost')}</dt>
            <dd data-testid="signal-blur">{t('results.signals.awayValue', { count: signals.focusLostCount, time: formatClock(signals.focusLostMs / 1000) })}</dd>
          </div>
          <div>
            <dt>{t('results.signals.hidden')}</dt>
            <dd data-testid="signal-hidden">{t('results.signals.awayValue', { count: signals.hiddenCount, time: formatClock(signals.hiddenMs / 1000) })}</dd>
          </div>
          <div>
            <dt>{t('results.signals.longest')}</dt>
            <dd>{formatClock(signals.longestAwayMs / 1000)}</dd>
          </div>
        </dl>
      ) : (
        <p data-testid="signals-none">{t('results.signals.none')}</p>
      )}
    </section>
  );
}
