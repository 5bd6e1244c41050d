import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Playground runs (issue 14): once an item is final, its program (code-output, code-lines) or its
 * task files can be edited and run. A program run's result is its output rather than per-test
 * results: `program` holds { stdout, stderr, exitCode } of such a run (null for every other run).
 */
export class JudgePlayground1764603000000 implements MigrationInterface {
  name = 'JudgePlayground1764603000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE judge_runs ADD COLUMN program jsonb`);
    await q.query(
      `ALTER TABLE judge_runs ADD CONSTRAINT judge_runs_program_check CHECK (program IS NULL OR mode = 'playground')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE judge_runs DROP COLUMN program');
  }
}
