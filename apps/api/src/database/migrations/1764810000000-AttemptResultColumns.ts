import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a set's results list reads of every invite's newest attempt (issue 17), as plain columns
 * generated from the stored `result` document: the time taken, the items waiting for a grade and
 * the topic names. The list reads them for every invite of a set; reading them out of `result`
 * (about 430 bytes of jsonb a row) was most of that statement's time, and the topic names were a
 * second statement over every submitted attempt. Postgres computes them on every write of
 * `result`, so they cannot drift from it. Adding them rewrites `attempts` once.
 */
export class AttemptResultColumns1764810000000 implements MigrationInterface {
  name = 'AttemptResultColumns1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE attempts
         ADD COLUMN time_taken_seconds integer GENERATED ALWAYS AS (
           CASE WHEN jsonb_typeof(result -> 'timeTakenSeconds') = 'number' THEN (result ->> 'timeTakenSeconds')::numeric::integer END) STORED,
         ADD COLUMN pending_items integer GENERATED ALWAYS AS (
           CASE WHEN jsonb_typeof(result -> 'pending') = 'number' THEN (result ->> 'pending')::numeric::integer END) STORED,
         ADD COLUMN result_topics jsonb GENERATED ALWAYS AS (
           CASE WHEN jsonb_typeof(result -> 'byTopic') = 'array' THEN jsonb_path_query_array(result -> 'byTopic', '$[*].topic') END) STORED`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE attempts DROP COLUMN result_topics, DROP COLUMN pending_items, DROP COLUMN time_taken_seconds');
  }
}
