import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';

/** The frame of the public pages (log in, register): no navigation, just the card. */
export function AuthLayout({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <SkipLink />
      <header className="auth__header">
        <Brand />
        <div className="app-header__actions">
          <LanguageSwitcher />
          <ThemeToggle />
        </div>
      </header>
      <main id="main-content" className="auth__main" tabIndex={-1}>
        <div className="auth__panel">
          <div className="auth__intro">
            <p className="auth__tagline">{t('auth.tagline')}</p>
            <ul className="auth__points">
              <li>{t('auth.point1')}</li>
              <li>{t('auth.point2')}</li>
              <li>{t('auth.point3')}</li>
            </ul>
          </div>
          <div className="auth__card card">
            <h1 className="auth__title">{title}</h1>
            {lead ? <p className="muted">{lead}</p> : null}
            {children}
          </div>
        </div>
      </main>
    </div>
  );
}
