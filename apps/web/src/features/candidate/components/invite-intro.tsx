import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { SelectField } from '@/components/ui/select-field';
import type { CandidateStatus } from '../types';
import { formatMinutes } from '../utils/format';

/** Before the test: who it is for, the instructions, the time limit and the Start button. */
export function InviteIntro({
  status,
  onStart,
  starting,
  error,
}: {
  status: CandidateStatus;
  onStart: (language?: 'en' | 'zh-CN') => void;
  starting: boolean;
  error: string | null;
}) {
  const { t, i18n } = useTranslation();
  const chooses = status.language === 'candidate-chooses';
  const [language, setLanguage] = useState<'en' | 'zh-CN'>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
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
      {chooses ? (
        <SelectField
          label={t('candidate.intro.language')}
          name="language"
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'zh-CN', label: '简体中文' },
          ]}
          data-testid="candidate-language"
        />
      ) : null}
      <Alert>{error}</Alert>
      <div className="actions">
        <Button onClick={() => onStart(chooses ? language : undefined)} loading={starting} disabled={!status.canStart} data-testid="start-test">
          {t(again ? 'candidate.intro.startAgain' : 'candidate.intro.start')}
        </Button>
      </div>
    </section>
  );
}
