import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { logout, type User } from '@/lib/auth';

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const logoutMutation = useMutation({
    mutationFn: logout,
    // A full page load rather than a client-side navigation: it drops every cached answer and
    // all in-memory state of the old session at once (and the route guard cannot race it).
    onSettled: () => window.location.replace('/login'),
  });

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const initials = user.displayName
    .split(/\s+/)
    .map((part) => [...part][0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        data-testid="user-menu-button"
      >
        {/* Named by what it shows (initials, then the name where there is room) plus what it opens. */}
        <span className="avatar">{initials || '?'}</span>
        <span className="user-menu__name">{user.displayName}</span>
        <span className="visually-hidden">, {t('userMenu.open')}</span>
      </button>
      <div id={menuId} className="user-menu__panel" hidden={!open}>
        <div className="user-menu__who">
          <strong>{user.displayName}</strong>
          <span className="muted">{user.email}</span>
          <span className="muted">{t(`roles.${user.role}`)}</span>
        </div>
        <Link className="user-menu__item" to="/account" onClick={() => setOpen(false)}>
          {t('nav.account')}
        </Link>
        <button
          type="button"
          className="user-menu__item"
          onClick={() => logoutMutation.mutate()}
          disabled={logoutMutation.isPending}
          data-testid="logout-button"
        >
          {t('userMenu.logout')}
        </button>
      </div>
    </div>
  );
}
