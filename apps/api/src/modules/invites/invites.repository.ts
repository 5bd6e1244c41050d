import { Injectable } from '@nestjs/common';
import type { AttemptState } from '@goprep/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { InviteFacts } from './invite-status';

type Db = EntityManager | DataSource;

/** `candidate_invites` with its version and attempt counts, as the invite queries return it. */
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

/**
 * An invite with what its newest attempt's result is ranked, filtered and sorted by (the results
 * table), and only that: the list reads one for every invite of a set. The per-topic breakdown and
 * the signal counts are read for the rows of a page only.
 */
export interface InviteResultRow
  extends Pick<InviteRow, 'id' | 'version' | 'name' | 'email' | 'expires_at' | 'attempts_allowed' | 'extra_attempts' | 'revoked_at' | 'attempts_used' | 'latest_attempt_id' | 'latest_state'> {
  started_at: Date | null;
  submitted_at: Date | null;
  score: string | null;
  max_score: string | null;
  /** The result's `timeTakenSeconds`, `pending` and topic names (`attempts`' generated columns; null without a result). */
  time_taken_seconds: number | null;
  pending: number | null;
  topics: string[] | null;
}

export interface InviteInsert {
  orgId: string;
  setId: string;
  setVersionId: string;
  name: string;
  email: string;
  tokenHash: Buffer;
  expiresAt: Date;
  attemptsAllowed: number;
  createdBy: string;
  createdAt: Date;
}

const INVITE_COLUMNS = `ci.id, ci.org_id, ci.set_id, ci.set_version_id, sv.version, ci.name, ci.email, ci.expires_at,
  ci.attempts_allowed, ci.extra_attempts, ci.extra_seconds, ci.created_at, ci.mailed_at, ci.revoked_at,
  (SELECT count(*)::int FROM attempts a WHERE a.invite_id = ci.id AND NOT a.beyond_allowance) AS attempts_used,
  la.id AS latest_attempt_id, la.state AS latest_state`;

/** FROM clause for INVITE_COLUMNS (alias ci; la = the newest attempt). */
const INVITE_FROM = `candidate_invites ci
  JOIN question_set_versions sv ON sv.id = ci.set_version_id
  LEFT JOIN LATERAL (SELECT a.id, a.state FROM attempts a WHERE a.invite_id = ci.id AND NOT a.beyond_allowance ORDER BY a.started_at DESC, a.id LIMIT 1) la ON true`;

export function factsOf(row: Pick<InviteRow, 'expires_at' | 'revoked_at' | 'attempts_allowed' | 'extra_attempts' | 'attempts_used' | 'latest_state'>): InviteFacts {
  return {
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    attemptsAllowed: row.attempts_allowed,
    extraAttempts: row.extra_attempts,
    attemptsUsed: row.attempts_used,
    latestState: row.latest_state,
  };
}

/** The SQL of candidate invites. Methods that take `q` run in the caller's transaction (none: outside one). */
@Injectable()
export class InvitesRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** When the set was archived (null: not archived, or no such set). */
  async setArchivedAt(setId: string): Promise<Date | null> {
    const [set] = (await this.db.query(`SELECT archived_at FROM question_sets WHERE id = $1`, [setId])) as Array<{ archived_at: Date | null }>;
    return set?.archived_at ?? null;
  }

  async setExists(orgId: string, setId: string): Promise<boolean> {
    const [found] = (await this.db.query(`SELECT 1 FROM question_sets WHERE id = $1 AND org_id = $2`, [setId, orgId])) as unknown[];
    return found !== undefined;
  }

  async insert(tx: EntityManager, invite: InviteInsert): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO candidate_invites (org_id, set_id, set_version_id, name, email, token_hash, expires_at, attempts_allowed, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        invite.orgId,
        invite.setId,
        invite.setVersionId,
        invite.name,
        invite.email,
        invite.tokenHash,
        invite.expiresAt,
        invite.attemptsAllowed,
        invite.createdBy,
        invite.createdAt,
      ],
    )) as Array<{ id: string }>;
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return row.id;
  }

  async markMailed(inviteId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE candidate_invites SET mailed_at = $2 WHERE id = $1`, [inviteId, at]);
  }

  /** One page of a set's invites, newest first, each row with the list's size. */
  listForSet(orgId: string, setId: string, page: { limit: number; offset: number }): Promise<Array<InviteRow & { total_rows: number }>> {
    // The page is cut from candidate_invites first, so the newest attempt is looked up for its rows only.
    const pageOfInvites = `(SELECT *, count(*) OVER ()::int AS total_rows FROM candidate_invites
        WHERE org_id = $1 AND set_id = $2 ORDER BY created_at DESC, name, id LIMIT $3 OFFSET $4) ci`;
    return this.db.query(
      `SELECT ${INVITE_COLUMNS}, ci.total_rows FROM ${INVITE_FROM.replace(/^candidate_invites ci/, pageOfInvites)}
        ORDER BY ci.created_at DESC, ci.name, ci.id`,
      [orgId, setId, page.limit, page.offset],
    );
  }

  async countForSet(orgId: string, setId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM candidate_invites WHERE org_id = $1 AND set_id = $2`, [orgId, setId])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** Every invite of a set with its newest attempt's result and that attempt's signal counts. */
  /**
   * Every invite of the set with its newest attempt (one index probe per invite, which also counts
   * its attempts) and that attempt's result facts from `attempts`' generated columns, so no row's
   * `result` document is read.
   */
  listWithLatestResults(orgId: string, setId: string): Promise<InviteResultRow[]> {
    return this.db.query(
      `SELECT ci.id, sv.version, ci.name, ci.email, ci.expires_at, ci.attempts_allowed, ci.extra_attempts, ci.revoked_at,
              COALESCE(la.used, 0)::int AS attempts_used, la.id AS latest_attempt_id, la.state AS latest_state,
              la.started_at, la.submitted_at, la.score, la.max_score, la.time_taken_seconds, la.pending_items AS pending,
              la.result_topics AS topics
         FROM candidate_invites ci
         JOIN question_set_versions sv ON sv.id = ci.set_version_id
         LEFT JOIN LATERAL (
           SELECT a.id, a.state, a.started_at, a.submitted_at, a.score, a.max_score, a.time_taken_seconds, a.pending_items, a.result_topics,
                  count(*) OVER () AS used
             FROM attempts a WHERE a.invite_id = ci.id AND NOT a.beyond_allowance ORDER BY a.started_at DESC, a.id LIMIT 1) la ON true
        WHERE ci.org_id = $1 AND ci.set_id = $2`,
      [orgId, setId],
    );
  }

  /** Locks the invite row (FOR UPDATE); false when the organization has no such invite. */
  async lock(q: Db | undefined, orgId: string, inviteId: string): Promise<boolean> {
    const locked = (await (q ?? this.db).query(`SELECT id FROM candidate_invites WHERE id = $1 AND org_id = $2 FOR UPDATE`, [inviteId, orgId])) as unknown[];
    return locked.length > 0;
  }

  async find(q: Db | undefined, orgId: string, inviteId: string): Promise<InviteRow | null> {
    const [row] = (await (q ?? this.db).query(`SELECT ${INVITE_COLUMNS} FROM ${INVITE_FROM} WHERE ci.id = $1 AND ci.org_id = $2`, [inviteId, orgId])) as InviteRow[];
    return row ?? null;
  }

  /** `lock` is appended to the statement as is ('' or a locking clause chosen by the caller). */
  async findByTokenHash(q: Db | undefined, tokenHash: Buffer, lock = ''): Promise<InviteRow | null> {
    const [row] = (await (q ?? this.db).query(`SELECT ${INVITE_COLUMNS} FROM ${INVITE_FROM} WHERE ci.token_hash = $1 ${lock}`, [tokenHash])) as InviteRow[];
    return row ?? null;
  }

  async revoke(tx: EntityManager, inviteId: string, at: Date, userId: string): Promise<void> {
    await tx.query(`UPDATE candidate_invites SET revoked_at = $2, revoked_by = $3 WHERE id = $1`, [inviteId, at, userId]);
  }

  /** Closes the invite's open attempt unscored. */
  async abandonOpenAttempts(tx: EntityManager, inviteId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE attempts SET state = 'abandoned', finished_at = $2 WHERE invite_id = $1 AND state = 'in_progress'`, [inviteId, at]);
  }

  async setOverrides(tx: EntityManager, inviteId: string, extraSeconds: number, extraAttempts: number): Promise<void> {
    await tx.query(`UPDATE candidate_invites SET extra_seconds = $2, extra_attempts = $3 WHERE id = $1`, [inviteId, extraSeconds, extraAttempts]);
  }

  /** Moves the open attempt's deadline and time limit by `deltaSeconds`; never a deadline before its start. */
  async shiftOpenAttemptDeadline(tx: EntityManager, inviteId: string, deltaSeconds: number): Promise<void> {
    await tx.query(
      `UPDATE attempts SET deadline_at = GREATEST(deadline_at + make_interval(secs => $2), started_at + interval '1 second'),
              config = jsonb_set(config, '{timeLimitSeconds}', to_jsonb(GREATEST((config->>'timeLimitSeconds')::int + $2, 1)))
        WHERE invite_id = $1 AND state = 'in_progress'`,
      [inviteId, deltaSeconds],
    );
  }

  async attemptIds(inviteId: string): Promise<string[]> {
    const attempts: Array<{ id: string }> = await this.db.query(`SELECT id FROM attempts WHERE invite_id = $1`, [inviteId]);
    return attempts.map((a) => a.id);
  }

  /** A re-issued link: the new token's hash replaces the old one (the old link stops working) and the invite counts as not mailed. */
  async replaceToken(tx: EntityManager, inviteId: string, tokenHash: Buffer): Promise<void> {
    await tx.query(`UPDATE candidate_invites SET token_hash = $2, mailed_at = NULL WHERE id = $1`, [inviteId, tokenHash]);
  }
}
