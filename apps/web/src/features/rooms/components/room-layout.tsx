import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { RouteFocus } from '@/components/layout/route-focus';
import { SkipLink } from '@/components/layout/skip-link';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { useUser } from '@/lib/auth';
import '../rooms.css';

/**
 * The frame of the room pages, which guests (candidates without an account) see too: no app
 * navigation, only the way back to "my rooms" for someone logged in.
 */
export function RoomLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div className="room-frame">
      <SkipLink />
      <RouteFocus />
      <header className="room-frame__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            go
          </span>
          <span className="brand__name">goprep</span>
        </span>
        {user.data ? <Link to="/rooms">{t('rooms.myRooms')}</Link> : null}
        <div className="app-header__actions">
          <LanguageSwitcher />
          <ThemeToggle />
        </div>
      </header>
      <main id="main-content" className="room-frame__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
