import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const TABS = [
  { to: '/practice', key: 'practice.tabs.bank' },
  { to: '/practice/quiz', key: 'practice.tabs.quiz' },
  { to: '/practice/attempts', key: 'practice.tabs.attempts' },
] as const;

/** The Practice section's pages: the bank, a new quiz, my attempts. */
export function PracticeTabs() {
  const { t } = useTranslation();
  return (
    <nav className="practice-tabs" aria-label={t('practice.tabs.label')}>
      {TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className="practice-tabs__link">
          {t(tab.key)}
        </NavLink>
      ))}
    </nav>
  );
}
