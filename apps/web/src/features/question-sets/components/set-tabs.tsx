import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export const setPath = (orgId: string, setId: string) => `/hiring/orgs/${encodeURIComponent(orgId)}/sets/${encodeURIComponent(setId)}`;
export const setsPath = (orgId: string) => `/hiring/orgs/${encodeURIComponent(orgId)}/sets`;

/**
 * The pages of one set. The builder is here; the invites and results pages (features/invites,
 * features/results) add their links to PAGES: `{ to: 'invites', label: 'invites.tab' }` — a path
 * relative to the set page and an i18n key.
 */
const PAGES: { to: string; label: string; end?: boolean }[] = [
  { to: '', label: 'questionSets.tabs.builder', end: true },
  // H-WEB2: invites and results links go here.
  { to: 'invites', label: 'invites.tab' },
  { to: 'results', label: 'results.tab' },
  { to: 'statistics', label: 'results.stats.tab' },
];

export function SetTabs({ orgId, setId }: { orgId: string; setId: string }) {
  const { t } = useTranslation();
  const base = setPath(orgId, setId);
  return (
    <nav className="practice-tabs qs-tabs" aria-label={t('questionSets.tabs.label')} data-testid="set-tabs">
      {PAGES.map((page) => (
        <NavLink key={page.to} to={page.to ? `${base}/${page.to}` : base} end={page.end ?? false} className="practice-tabs__link">
          {t(page.label)}
        </NavLink>
      ))}
    </nav>
  );
}
