import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MemberRole, RoomKind, RoomLevel, RoomStatus } from './dto/room.dto';

type Db = EntityManager | DataSource;

export interface RoomRow {
  id: string;
  kind: RoomKind;
  title: string;
  role: string;
  level: RoomLevel;
  status: RoomStatus;
  created_by: string;
  organization_id: string | null;
  invite_id: string | null;
  duration_minutes: number;
  timer_started_at: Date | null;
  expires_at: Date;
  ended_at: Date | null;
  task_question_id: string | null;
  task_version_id: string | null;
  prompt: string | null;
  created_at: Date;
}

export interface MemberRow {
  id: string;
  room_id: string;
  role: MemberRole;
  user_id: string | null;
  display_name: string;
  joined_at: Date | null;
}

/** A caller resolved to a seat of a room, with the room. */
export interface RoomMember extends MemberRow {
  room: RoomRow;
}

export interface SummaryRow extends RoomRow {
  my_role: MemberRole;
  scored: boolean;
  strengths: string | null;
  next_steps: string | null;
  struggled_count: number;
}

/** A manager room held for a candidate invite, with its scorecard when saved. */
export interface InviteRoomRow {
  id: string;
  title: string;
  status: RoomStatus;
  created_at: Date;
  ended_at: Date | null;
  interviewer: string;
  card: ScorecardRow | null;
}

export interface AskedRow {
  question_id: string;
  title: string;
  at: Date;
  answer_key: { type?: string; rubric?: string[] } | null;
}

export interface NoteRow {
  id: string;
  at: Date;
  body: string;
}

export interface ScorecardRow {
  room_id: string;
  ratings: Record<string, number>;
  recommendation: 'hire' | 'no-hire' | null;
  strengths: string | null;
  next_steps: string | null;
  comments: string | null;
  struggled: string[];
  updated_at: Date;
}

export interface PanelRow {
  id: string;
  title: string;
  topic_id: string;
  type: string;
  prompt: string;
  code: string | null;
  answer_key: Record<string, unknown>;
  explanation: string;
  follow_ups: string[] | null;
  /** The follow-ups of the requested locale's translation when it was made from this version's English; else null. */
  tr_follow_ups: string[] | null;
  starter: Record<string, string> | null;
}

/** A question as a push needs it: the prompt (no key) and a code task's starter and editable files. */
export interface PushRow {
  id: string;
  version_id: string;
  title: string;
  type: string;
  prompt: string;
  code: string | null;
  starter: Record<string, string> | null;
  files: string[] | null;
}

export interface PendingRunRow {
  run_id: string;
  room_id: string;
  state: string;
  verdict: string | null;
  tests: Array<{ name: string; passed: boolean; output?: string }> | null;
  compile_output: string | null;
  message: string | null;
  finished_at: Date | null;
}

export interface UpdateRow {
  seq: string;
  at: Date;
  update: Buffer;
}

const ROOM_COLUMNS = `r.id, r.kind, r.title, r.role, r.level, r.status, r.created_by, r.organization_id, r.invite_id, r.duration_minutes,
  r.timer_started_at, r.expires_at, r.ended_at, r.task_question_id, r.task_version_id, r.prompt, r.created_at`;

/** All SQL of the rooms module. */
@Injectable()
export class RoomsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insertRoom(
    tx: EntityManager,
    room: { kind: RoomKind; title: string; role: string; level: RoomLevel; createdBy: string; organizationId: string | null; inviteId: string | null; durationMinutes: number; ttlHours: number },
  ): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO rooms (kind, title, role, level, created_by, organization_id, invite_id, duration_minutes, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(hours => $9)) RETURNING id`,
      [room.kind, room.title, room.role, room.level, room.createdBy, room.organizationId, room.inviteId, room.durationMinutes, room.ttlHours],
    )) as Array<{ id: string }>;
    if (!row) throw new Error('room insert returned no row');
    return row.id;
  }

  async insertMember(db: Db, m: { roomId: string; role: MemberRole; userId: string | null; displayName: string; joined: boolean }): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO room_members (room_id, role, user_id, display_name, joined_at) VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
      [m.roomId, m.role, m.userId, m.displayName, m.joined],
    )) as Array<{ id: string }>;
    if (!row) throw new Error('room member insert returned no row');
    return row.id;
  }

  /** Replaces the open join tokens of a room with these (the old links stop working). */
  async replaceJoinTokens(db: Db, roomId: string, tokens: Array<{ role: MemberRole; hash: Buffer }>): Promise<void> {
    await db.query(`DELETE FROM room_join_tokens WHERE room_id = $1 AND used_at IS NULL`, [roomId]);
    for (const t of tokens) {
      await db.query(`INSERT INTO room_join_tokens (token_hash, room_id, role) VALUES ($1, $2, $3)`, [t.hash, roomId, t.role]);
    }
  }

  /** The unused join token's room and seat, locked for the join. */
  async joinTokenForUpdate(tx: EntityManager, hash: Buffer): Promise<{ room_id: string; role: MemberRole } | undefined> {
    const rows = (await tx.query(`SELECT room_id, role FROM room_join_tokens WHERE token_hash = $1 AND used_at IS NULL FOR UPDATE`, [hash])) as Array<{
      room_id: string;
      role: MemberRole;
    }>;
    return rows[0];
  }

  async useJoinToken(tx: EntityManager, hash: Buffer): Promise<void> {
    await tx.query(`UPDATE room_join_tokens SET used_at = now() WHERE token_hash = $1`, [hash]);
  }

  /** Gives the seat to a user or a guest (by member token hash) and marks it joined. */
  async takeSeat(tx: EntityManager, roomId: string, role: MemberRole, who: { userId: string | null; tokenHash: Buffer | null; displayName: string }): Promise<void> {
    await tx.query(
      `UPDATE room_members SET user_id = $3, member_token_hash = $4, display_name = $5, joined_at = now() WHERE room_id = $1 AND role = $2`,
      [roomId, role, who.userId, who.tokenHash, who.displayName],
    );
  }

  async room(id: string, tx?: EntityManager, forUpdate = false): Promise<RoomRow | undefined> {
    const rows = (await (tx ?? this.db).query(`SELECT ${ROOM_COLUMNS} FROM rooms r WHERE r.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])) as RoomRow[];
    return rows[0];
  }

  async members(roomId: string, tx?: EntityManager): Promise<MemberRow[]> {
    return (await (tx ?? this.db).query(`SELECT id, room_id, role, user_id, display_name, joined_at FROM room_members WHERE room_id = $1 ORDER BY role DESC`, [roomId])) as MemberRow[];
  }

  async memberByUser(roomId: string, userId: string): Promise<MemberRow | undefined> {
    const rows = (await this.db.query(`SELECT id, room_id, role, user_id, display_name, joined_at FROM room_members WHERE room_id = $1 AND user_id = $2`, [
      roomId,
      userId,
    ])) as MemberRow[];
    return rows[0];
  }

  async memberByToken(hash: Buffer): Promise<MemberRow | undefined> {
    const rows = (await this.db.query(`SELECT id, room_id, role, user_id, display_name, joined_at FROM room_members WHERE member_token_hash = $1`, [hash])) as MemberRow[];
    return rows[0];
  }

  async listForUser(userId: string): Promise<SummaryRow[]> {
    return (await this.db.query(
      `SELECT ${ROOM_COLUMNS}, m.role AS my_role, s.room_id IS NOT NULL AS scored,
              CASE WHEN r.kind = 'peer' THEN s.strengths END AS strengths,
              CASE WHEN r.kind = 'peer' THEN s.next_steps END AS next_steps,
              CASE WHEN r.kind = 'peer' THEN coalesce(cardinality(s.struggled), 0) ELSE 0 END AS struggled_count
         FROM room_members m JOIN rooms r ON r.id = m.room_id
         LEFT JOIN room_scorecards s ON s.room_id = r.id
        WHERE m.user_id = $1
        ORDER BY r.created_at DESC
        LIMIT 200`,
      [userId],
    )) as SummaryRow[];
  }

  /** Whether the user manages the organization of this candidate invite. */
  async inviteOrgManaged(userId: string, inviteId: string): Promise<string | undefined> {
    const rows = (await this.db.query(
      `SELECT i.org_id FROM candidate_invites i JOIN memberships m ON m.organization_id = i.org_id AND m.user_id = $1 WHERE i.id = $2`,
      [userId, inviteId],
    )) as Array<{ org_id: string }>;
    return rows[0]?.org_id;
  }

  async startTimer(roomId: string): Promise<void> {
    await this.db.query(`UPDATE rooms SET timer_started_at = coalesce(timer_started_at, now()) WHERE id = $1`, [roomId]);
  }

  async end(roomId: string): Promise<void> {
    await this.db.query(`UPDATE rooms SET status = 'ended', ended_at = coalesce(ended_at, now()) WHERE id = $1`, [roomId]);
  }

  /** Exchanges the two seats' occupants (the role uniqueness is checked at commit). */
  async swapRoles(tx: EntityManager, roomId: string): Promise<void> {
    await tx.query(`UPDATE room_members SET role = CASE role WHEN 'interviewer' THEN 'candidate' ELSE 'interviewer' END WHERE room_id = $1`, [roomId]);
  }

  async asked(roomId: string): Promise<AskedRow[]> {
    return (await this.db.query(
      `SELECT a.question_id, v.title, a.at, v.answer_key
         FROM room_asked a JOIN question_versions v ON v.id = a.question_version_id
        WHERE a.room_id = $1 ORDER BY a.at, a.id`,
      [roomId],
    )) as AskedRow[];
  }

  /** Bank questions for the interviewer's panel: current versions, live, optionally by topic and words. */
  async panel(filter: { topic?: string; q?: string; maxDifficulty: number; limit: number; locale: string }): Promise<PanelRow[]> {
    return (await this.db.query(
      `SELECT q.id, v.title, v.topic_id, v.type, v.prompt, v.code, v.answer_key, v.explanation, v.follow_ups,
              CASE WHEN tr.source_hash = v.content_hash THEN tr.follow_ups END AS tr_follow_ups, s.starter
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         LEFT JOIN question_version_translations tr ON tr.version_id = v.id AND tr.locale = $5
         LEFT JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL
          AND ($1::text IS NULL OR v.topic_id = $1)
          AND ($2::text IS NULL OR v.search @@ plainto_tsquery('english', $2) OR v.title ILIKE '%' || $2 || '%')
          AND v.difficulty <= $3
        ORDER BY v.topic_id, v.difficulty, q.id
        LIMIT $4`,
      [filter.topic ?? null, filter.q ?? null, filter.maxDifficulty, filter.limit, filter.locale],
    )) as PanelRow[];
  }

  async pushTarget(questionId: string): Promise<PushRow | undefined> {
    const rows = (await this.db.query(
      `SELECT q.id, v.id AS version_id, v.title, v.type, v.prompt, v.code, s.starter, s.spec->'files' AS files
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         LEFT JOIN judge_task_specs s ON s.question_version_id = v.id
        WHERE q.id = $1 AND q.organization_id IS NULL AND q.retired_at IS NULL`,
      [questionId],
    )) as PushRow[];
    return rows[0];
  }

  async recordPush(roomId: string, q: PushRow, prompt: string, isTask: boolean): Promise<Date> {
    return this.transaction(async (tx) => {
      if (isTask) {
        await tx.query(`UPDATE rooms SET task_question_id = $2, task_version_id = $3, prompt = $4 WHERE id = $1`, [roomId, q.id, q.version_id, prompt]);
      } else {
        await tx.query(`UPDATE rooms SET prompt = $2 WHERE id = $1`, [roomId, prompt]);
      }
      const [row] = (await tx.query(`INSERT INTO room_asked (room_id, question_id, question_version_id) VALUES ($1, $2, $3) RETURNING at`, [
        roomId,
        q.id,
        q.version_id,
      ])) as Array<{ at: Date }>;
      if (!row) throw new Error('room_asked insert returned no row');
      return row.at;
    });
  }

  async notes(roomId: string): Promise<NoteRow[]> {
    return (await this.db.query(`SELECT id, at, body FROM room_notes WHERE room_id = $1 ORDER BY at, id LIMIT 1000`, [roomId])) as NoteRow[];
  }

  async addNote(roomId: string, memberId: string, body: string): Promise<NoteRow> {
    const [row] = (await this.db.query(`INSERT INTO room_notes (room_id, author_member_id, body) VALUES ($1, $2, $3) RETURNING id, at, body`, [
      roomId,
      memberId,
      body,
    ])) as NoteRow[];
    if (!row) throw new Error('note insert returned no row');
    return row;
  }

  async noteCount(roomId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM room_notes WHERE room_id = $1`, [roomId])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  async scorecard(roomId: string): Promise<ScorecardRow | undefined> {
    const rows = (await this.db.query(
      `SELECT room_id, ratings, recommendation, strengths, next_steps, comments, struggled, updated_at FROM room_scorecards WHERE room_id = $1`,
      [roomId],
    )) as ScorecardRow[];
    return rows[0];
  }

  async upsertScorecard(
    tx: EntityManager,
    roomId: string,
    memberId: string,
    card: { ratings: Record<string, number>; recommendation: string | null; strengths: string | null; nextSteps: string | null; comments: string | null; struggled: string[] },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO room_scorecards (room_id, ratings, recommendation, strengths, next_steps, comments, scored_by, struggled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[])
       ON CONFLICT (room_id) DO UPDATE SET ratings = EXCLUDED.ratings, recommendation = EXCLUDED.recommendation, strengths = EXCLUDED.strengths,
         next_steps = EXCLUDED.next_steps, comments = EXCLUDED.comments, scored_by = EXCLUDED.scored_by, struggled = EXCLUDED.struggled, updated_at = now()`,
      [roomId, JSON.stringify(card.ratings), card.recommendation, card.strengths, card.nextSteps, card.comments, memberId, card.struggled],
    );
  }

  /** An organization's manager rooms held for one candidate invite, newest first, with their scorecards. */
  async inviteRooms(organizationId: string, inviteId: string): Promise<InviteRoomRow[]> {
    type Raw = Omit<InviteRoomRow, 'card'> & { card: (Omit<ScorecardRow, 'updated_at'> & { updated_at: string }) | null };
    const rows = (await this.db.query(
      `SELECT r.id, r.title, r.status, r.created_at, r.ended_at,
              (SELECT m.display_name FROM room_members m WHERE m.room_id = r.id AND m.role = 'interviewer') AS interviewer,
              CASE WHEN s.room_id IS NULL THEN NULL ELSE json_build_object(
                'room_id', s.room_id, 'ratings', s.ratings, 'recommendation', s.recommendation, 'strengths', s.strengths,
                'next_steps', s.next_steps, 'comments', s.comments, 'struggled', s.struggled, 'updated_at', s.updated_at) END AS card
         FROM rooms r LEFT JOIN room_scorecards s ON s.room_id = r.id
        WHERE r.organization_id = $1 AND r.invite_id = $2 AND r.kind = 'manager'
        ORDER BY r.created_at DESC
        LIMIT 50`,
      [organizationId, inviteId],
    )) as Raw[];
    return rows.map((r) => ({ ...r, card: r.card ? { ...r.card, updated_at: new Date(r.card.updated_at) } : null }));
  }

  async insertRoomRun(tx: EntityManager, runId: string, roomId: string): Promise<void> {
    await tx.query(`INSERT INTO room_runs (run_id, room_id) VALUES ($1, $2)`, [runId, roomId]);
  }

  /** Room runs whose result has not been written into the document yet. */
  async pendingRuns(runId?: string): Promise<PendingRunRow[]> {
    return (await this.db.query(
      `SELECT rr.run_id, rr.room_id, j.state, j.verdict, j.tests, j.compile_output, j.message, j.finished_at
         FROM room_runs rr JOIN judge_runs j ON j.id = rr.run_id
        WHERE rr.reported_at IS NULL AND ($1::uuid IS NULL OR rr.run_id = $1)`,
      [runId ?? null],
    )) as PendingRunRow[];
  }

  /** Claims the reporting of a run once (several API instances may see it finish). */
  async claimRunReport(runId: string): Promise<boolean> {
    const rows = (await this.db.query(`UPDATE room_runs SET reported_at = now() WHERE run_id = $1 AND reported_at IS NULL RETURNING run_id`, [runId])) as unknown[];
    return rows.length > 0;
  }

  async unclaimRunReport(runId: string): Promise<void> {
    await this.db.query(`UPDATE room_runs SET reported_at = NULL WHERE run_id = $1`, [runId]);
  }

  /** Appends one document update (never updated or deleted afterwards). */
  /**
   * Appends one update. The room's advisory lock is taken before the row's seq is drawn and held
   * until the insert commits, so the rows of a room commit in seq order even when several
   * instances append to it: a reader never sees a row without every row of a lower seq.
   */
  async appendUpdate(roomId: string, at: Date, update: Uint8Array): Promise<void> {
    await this.db.query(
      `INSERT INTO room_doc_updates (room_id, at, update)
       SELECT $1::uuid, $2::timestamptz, $3::bytea FROM (SELECT pg_advisory_xact_lock(hashtextextended('goprep:room-doc:' || $1::uuid::text, 0))) AS locked`,
      [roomId, at, Buffer.from(update)],
    );
  }

  /**
   * Appends a room's first update only if nothing is stored for it yet (two instances loading a
   * new room at once: one writes it). The lock is taken in a statement of its own, so the check
   * after it sees whatever another instance committed while this one waited.
   */
  async appendFirstUpdate(roomId: string, at: Date, update: Uint8Array): Promise<boolean> {
    return this.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('goprep:room-doc:' || $1::uuid::text, 0))`, [roomId]);
      const inserted = (await tx.query(
        `INSERT INTO room_doc_updates (room_id, at, update)
         SELECT $1::uuid, $2::timestamptz, $3::bytea
          WHERE NOT EXISTS (SELECT 1 FROM room_doc_updates WHERE room_id = $1::uuid)
            AND NOT EXISTS (SELECT 1 FROM room_doc_snapshots WHERE room_id = $1::uuid)
         RETURNING seq`,
        [roomId, at, Buffer.from(update)],
      )) as unknown[];
      return inserted.length === 1;
    });
  }

  async snapshot(roomId: string): Promise<{ state: Buffer; upto_seq: string } | undefined> {
    const rows = (await this.db.query(`SELECT state, upto_seq FROM room_doc_snapshots WHERE room_id = $1`, [roomId])) as Array<{ state: Buffer; upto_seq: string }>;
    return rows[0];
  }

  /** A room's updates after `afterSeq`, in order; `settledBefore` leaves out the newest (possibly not all committed) ones. */
  async updates(roomId: string, afterSeq: string, settledBeforeSeconds?: number): Promise<UpdateRow[]> {
    return (await this.db.query(
      `SELECT seq::text AS seq, at, update FROM room_doc_updates
        WHERE room_id = $1 AND seq > $2::bigint AND ($3::int IS NULL OR at < now() - make_interval(secs => $3))
        ORDER BY seq`,
      [roomId, afterSeq, settledBeforeSeconds ?? null],
    )) as UpdateRow[];
  }

  /** Moves the snapshot forward, never back. */
  async saveSnapshot(roomId: string, state: Uint8Array, uptoSeq: string): Promise<void> {
    await this.db.query(
      `INSERT INTO room_doc_snapshots (room_id, state, upto_seq) VALUES ($1, $2, $3::bigint)
       ON CONFLICT (room_id) DO UPDATE SET state = EXCLUDED.state, upto_seq = EXCLUDED.upto_seq, at = now()
        WHERE room_doc_snapshots.upto_seq < EXCLUDED.upto_seq`,
      [roomId, Buffer.from(state), uptoSeq],
    );
  }

  async runsOf(roomId: string): Promise<PendingRunRow[]> {
    return (await this.db.query(
      `SELECT rr.run_id, rr.room_id, j.state, j.verdict, j.tests, j.compile_output, j.message, j.finished_at
         FROM room_runs rr JOIN judge_runs j ON j.id = rr.run_id WHERE rr.room_id = $1 ORDER BY j.queued_at`,
      [roomId],
    )) as PendingRunRow[];
  }
}
