import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { SkipLink } from '@/components/layout/skip-link';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import '../candidate.css';

/** The candidate's frame: no account, no navigation; the brand is not a link (there is nowhere to go). */
export function TakeLayout({ children }: { children: ReactNode }) {
  return (
    <div className="take">
      <SkipLink />
      <header className="take__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            go
          </span>
          <span className="brand__name">goprep</span>
        </span>
        <div className="app-header__actions">
          <LanguageSwitcher />
          <ThemeToggle />
        </div>
      </header>
      <main id="main-content" className="take__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
