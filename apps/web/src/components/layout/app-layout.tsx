import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { User } from '@/lib/auth';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { RouteFocus } from './route-focus';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

const NAV = [
  { to: '/practice', key: 'nav.practice' },
  { to: '/drills', key: 'nav.drills' },
  { to: '/hiring', key: 'nav.hiring' },
  { to: '/rooms', key: 'nav.rooms' },
  { to: '/account', key: 'nav.account' },
] as const;

export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();

  return (
    <div className="app">
      <SkipLink />
      <RouteFocus />
      <header className="app-header">
        <div className="app-header__inner">
          <button
            type="button"
            className="icon-btn menu-btn"
            aria-expanded={menuOpen}
            aria-controls={navId}
            aria-label={t(menuOpen ? 'nav.closeMenu' : 'nav.openMenu')}
            onClick={() => setMenuOpen((v) => !v)}
            data-testid="menu-button"
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              {menuOpen ? (
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              ) : (
                <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              )}
            </svg>
          </button>
          <Brand />
          <nav
            id={navId}
            className={['main-nav', menuOpen ? 'main-nav--open' : ''].filter(Boolean).join(' ')}
            aria-label={t('nav.label')}
          >
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="main-nav__link" onClick={() => setMenuOpen(false)}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__actions">
            <LanguageSwitcher />
            <ThemeToggle />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <span>{t('footer.tagline')}</span>
      </footer>
    </div>
  );
}
