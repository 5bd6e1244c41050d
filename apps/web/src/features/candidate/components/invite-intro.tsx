import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import type { CandidateStatus } from '../types';
import { formatMinutes } from '../utils/format';

/** Before the test: who it is for, the instructions, the time limit and the Start button. */
export function InviteIntro({ status, onStart, starting, error }: { status: CandidateStatus; onStart: () => void; starting: boolean; error: string | null }) {
  const { t, i18n } = useTranslation();
  const again = status.attemptsUsed > 0;
  return (
    <section className="card take-card" data-testid="invite-intro">
      <p className="muted small">{t('candidate.intro.greeting', { name: status.candidateName })}</p>
      <h1 className="take-card__title">{status.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('candidate.intro.timeLimit')}</dt>
          <dd data-testid="intro-time-limit">{formatMinutes(t, status.timeLimitSeconds)}</dd>
        </div>
        <div>
          <dt>{t('candidate.intro.questions')}</dt>
          <dd>{status.itemCount}</dd>
        </div>
        <div>
          <dt>{t('candidate.intro.expires')}</dt>
          <dd>{new Date(status.expiresAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
        </div>
        {status.attemptsAllowed > 1 ? (
          <div>
            <dt>{t('candidate.intro.attempts')}</dt>
            <dd>{t('candidate.intro.attemptsValue', { used: status.attemptsUsed, allowed: status.attemptsAllowed })}</dd>
          </div>
        ) : null}
      </dl>
      {status.instructions ? (
        <div className="take-instructions">
          <h2 className="section-title">{t('candidate.intro.instructions')}</h2>
          <Markdown source={status.instructions} />
        </div>
      ) : null}
      <ul className="take-rules muted small">
        <li>{t('candidate.intro.ruleTimer')}</li>
        <li>{t('candidate.intro.ruleSaved')}</li>
        <li>{t('candidate.intro.ruleOnce')}</li>
      </ul>
      <Alert>{error}</Alert>
      <div className="actions">
        <Button onClick={onStart} loading={starting} disabled={!status.canStart} data-testid="start-test">
          {t(again ? 'candidate.intro.startAgain' : 'candidate.intro.start')}
        </Button>
      </div>
    </section>
  );
}
