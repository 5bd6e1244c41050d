import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scorecard marks the asked questions the candidate struggled with (issue 18): the learner of a
 * peer room can add exactly those to their drill deck. Question ids, as `room_asked.question_id`.
 */
export class RoomStruggled1764802000000 implements MigrationInterface {
  name = 'RoomStruggled1764802000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE room_scorecards ADD COLUMN struggled text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE room_scorecards DROP COLUMN struggled`);
  }
}
