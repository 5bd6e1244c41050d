import type { AttemptState, CandidateStatus } from '@goprep/domain';

/** What the status of an invite is computed from (one invite row and its latest attempt). */
export interface InviteFacts {
  expiresAt: Date;
  revokedAt: Date | null;
  attemptsAllowed: number;
  extraAttempts: number;
  attemptsUsed: number;
  latestState: AttemptState | null;
}

/** The manager's view: invited | started | submitted | expired | revoked. */
export function inviteStatus(f: InviteFacts, now: Date): CandidateStatus {
  if (f.revokedAt) return 'revoked';
  if (f.latestState === 'in_progress') return 'started';
  if (f.latestState !== null) return 'submitted';
  if (now.getTime() >= f.expiresAt.getTime()) return 'expired';
  return 'invited';
}

export const CANDIDATE_STATES = ['not-started', 'in-progress', 'submitted', 'used', 'expired', 'revoked'] as const;
export type CandidateState = (typeof CANDIDATE_STATES)[number];

/**
 * The candidate's view of the link. Expired, used and revoked are states to show, not errors:
 * - in-progress: an attempt is open (it continues even past the invite's expiry);
 * - revoked: the manager withdrew the invite;
 * - submitted / used: no attempt left, the last one submitted (submitted) or closed unscored (used);
 * - expired: the link can no longer start an attempt;
 * - not-started: an attempt can be started (also after an override granted another one).
 */
export function candidateState(f: InviteFacts, now: Date): { state: CandidateState; canStart: boolean } {
  if (f.latestState === 'in_progress' && !f.revokedAt) return { state: 'in-progress', canStart: false };
  if (f.revokedAt) return { state: 'revoked', canStart: false };
  if (f.attemptsUsed >= f.attemptsAllowed + f.extraAttempts) {
    return { state: f.latestState === 'submitted' ? 'submitted' : 'used', canStart: false };
  }
  if (now.getTime() >= f.expiresAt.getTime()) return { state: 'expired', canStart: false };
  return { state: 'not-started', canStart: true };
}
