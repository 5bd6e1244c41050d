import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suggested follow-up questions (issue 18): the bank's `follow_ups`, stored with the version they
 * belong to and with each translation. They are for the interviewer's private room panel only;
 * no delivery or review query selects them.
 */
export class FollowUps1764809000000 implements MigrationInterface {
  name = 'FollowUps1764809000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE question_versions ADD COLUMN follow_ups text[] CHECK (follow_ups IS NULL OR cardinality(follow_ups) BETWEEN 1 AND 5)`,
    );
    await q.query(
      `ALTER TABLE question_version_translations ADD COLUMN follow_ups text[] CHECK (follow_ups IS NULL OR cardinality(follow_ups) BETWEEN 1 AND 5)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE question_version_translations DROP COLUMN follow_ups');
    await q.query('ALTER TABLE question_versions DROP COLUMN follow_ups');
  }
}
