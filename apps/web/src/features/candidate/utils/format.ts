import type { TFunction } from 'i18next';

/** 5400 -> "90 min"; 0 or less -> "no time limit". */
export function formatMinutes(t: TFunction, seconds: number | null | undefined): string {
  if (!seconds || seconds <= 0) return t('candidate.intro.noLimit');
  return t('candidate.intro.minutes', { count: Math.round(seconds / 60) });
}

/** The token of an invite link: `/take#<token>` (a fragment is never sent to a server, so it stays out of logs). */
export function tokenFromHash(hash: string): string | null {
  let token: string;
  try {
    token = decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return null; // A mangled escape: not a link we issued.
  }
  return /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}
