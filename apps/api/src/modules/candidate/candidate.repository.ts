import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReviewPolicy } from '@goprep/domain';

/** Signals kept per attempt; a misbehaving page cannot fill the table. */
const MAX_SIGNALS_PER_ATTEMPT = 5000;

/** The candidate module's own statements: pinned items' option ids, an attempt's review policy, integrity signals. */
@Injectable()
export class CandidateRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Option ids in authored order per question version (null for questions without options). */
  async optionIds(versionIds: readonly string[]): Promise<Map<string, string[] | null>> {
    const rows: Array<{ id: string; option_ids: string[] | null }> = await this.db.query(
      `SELECT v.id, (SELECT array_agg(o->>'id' ORDER BY n) FROM jsonb_array_elements(v.options) WITH ORDINALITY AS e(o, n)) AS option_ids
         FROM question_versions v WHERE v.id = ANY($1::uuid[])`,
      [versionIds],
    );
    return new Map(rows.map((r) => [r.id, r.option_ids]));
  }

  async reviewPolicy(attemptId: string): Promise<ReviewPolicy | undefined> {
    const [row] = (await this.db.query(`SELECT review_policy FROM attempts WHERE id = $1`, [attemptId])) as Array<{ review_policy: ReviewPolicy }>;
    return row?.review_policy;
  }

  /**
   * Appends the signals (validated IntegritySignalDto objects) while the attempt holds fewer than the
   * cap. An event whose id the attempt already has (the browser sent it again) is not added twice.
   */
  async addSignals(attemptId: string, events: readonly object[], receivedAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO attempt_signals (attempt_id, kind, position, duration_ms, chars, occurred_at, received_at, event_id)
       SELECT $1, e->>'type', (e->>'position')::int, COALESCE((e->>'durationMs')::int, 0), (e->>'chars')::int, (e->>'at')::timestamptz, $3, (e->>'id')::uuid
         FROM jsonb_array_elements($2::jsonb) AS e
        WHERE (SELECT count(*) FROM attempt_signals s WHERE s.attempt_id = $1) < ${MAX_SIGNALS_PER_ATTEMPT}
       ON CONFLICT (attempt_id, event_id) DO NOTHING`,
      [attemptId, JSON.stringify(events), receivedAt],
    );
  }
}
