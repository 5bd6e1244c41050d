import { inviteStatus } from '../invite-status';
import { factsOf, type InviteRow } from '../invites.repository';
import type { InviteDto } from './invite.dto';

export function mapInvite(row: InviteRow, now: Date): InviteDto {
  return {
    id: row.id,
    setId: row.set_id,
    name: row.name,
    email: row.email,
    status: inviteStatus(factsOf(row), now),
    version: row.version,
    expiresAt: row.expires_at.toISOString(),
    attemptsAllowed: row.attempts_allowed,
    extraAttempts: row.extra_attempts,
    extraMinutes: Math.round(row.extra_seconds / 60),
    attemptsUsed: row.attempts_used,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    mailedAt: row.mailed_at?.toISOString() ?? null,
    latestAttemptId: row.latest_attempt_id,
  };
}
