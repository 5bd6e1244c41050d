import { parseInviteList, type InviteParseResult } from '@goprep/domain';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (local time, minutes) `days` days after `now`. */
export function defaultExpiry(now: Date, days = 7): string {
  const d = new Date(now.getTime() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value read as local time, as ISO 8601; null when empty or not a date. */
export function localToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export type InviteFormProblem = 'no-invitees' | 'line-errors' | 'bad-expiry' | 'past-expiry' | 'bad-attempts';

export type InviteFormCheck = { parsed: InviteParseResult; problems: InviteFormProblem[]; expiresAt: string | null };

/** What the form would send, and why it cannot yet (checked with the same parser the API uses). */
export function checkInviteForm(input: { text: string; expiry: string; attempts: string }, now: Date): InviteFormCheck {
  const parsed = parseInviteList(input.text);
  const problems: InviteFormProblem[] = [];
  if (parsed.invitees.length === 0) problems.push('no-invitees');
  if (parsed.errors.length > 0) problems.push('line-errors');
  const expiresAt = localToIso(input.expiry);
  if (!expiresAt) problems.push('bad-expiry');
  else if (new Date(expiresAt).getTime() <= now.getTime()) problems.push('past-expiry');
  const attempts = Number(input.attempts);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) problems.push('bad-attempts');
  return { parsed, problems, expiresAt };
}

/** "Name <email>: link" lines for copying every new link at once. */
export function linksText(invites: readonly { name: string; email: string; link: string }[]): string {
  return invites.map((i) => `${i.name ? `${i.name} <${i.email}>` : i.email}: ${i.link}`).join('\n');
}

export const STATUS_TONE: Record<string, 'neutral' | 'accent' | 'easy' | 'medium' | 'hard'> = {
  invited: 'neutral',
  started: 'accent',
  submitted: 'easy',
  expired: 'medium',
  revoked: 'hard',
};
