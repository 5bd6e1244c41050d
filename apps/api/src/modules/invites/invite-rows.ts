import type { AttemptState } from '@goprep/domain';
import type { InviteFacts } from './invite-status';

/** `candidate_invites` with its version and attempt counts, as raw queries return them. */
export interface InviteRow {
  id: string;
  org_id: string;
  set_id: string;
  set_version_id: string;
  version: number;
  name: string;
  email: string;
  expires_at: Date;
  attempts_allowed: number;
  extra_attempts: number;
  extra_seconds: number;
  created_at: Date;
  mailed_at: Date | null;
  revoked_at: Date | null;
  attempts_used: number;
  latest_attempt_id: string | null;
  latest_state: AttemptState | null;
}

export const INVITE_COLUMNS = `ci.id, ci.org_id, ci.set_id, ci.set_version_id, sv.version, ci.name, ci.email, ci.expires_at,
  ci.attempts_allowed, ci.extra_attempts, ci.extra_seconds, ci.created_at, ci.mailed_at, ci.revoked_at,
  (SELECT count(*)::int FROM attempts a WHERE a.invite_id = ci.id AND NOT a.beyond_allowance) AS attempts_used,
  la.id AS latest_attempt_id, la.state AS latest_state`;

/** FROM clause for INVITE_COLUMNS (alias ci; la = the newest attempt). */
export const INVITE_FROM = `candidate_invites ci
  JOIN question_set_versions sv ON sv.id = ci.set_version_id
  LEFT JOIN LATERAL (SELECT a.id, a.state FROM attempts a WHERE a.invite_id = ci.id AND NOT a.beyond_allowance ORDER BY a.started_at DESC, a.id LIMIT 1) la ON true`;

export function factsOf(row: InviteRow): InviteFacts {
  return {
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    attemptsAllowed: row.attempts_allowed,
    extraAttempts: row.extra_attempts,
    attemptsUsed: row.attempts_used,
    latestState: row.latest_state,
  };
}
