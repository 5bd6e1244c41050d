import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a version's Go program has been proven by the verifier: `not-applicable` (no program),
 * `unverified` (a program nobody has run: organization questions) or `verified` (a bank question
 * whose checks `npm run bank -- verify` runs). Per version, because a new program needs a new run.
 */
export class QuestionVerification1763800000000 implements MigrationInterface {
  name = 'QuestionVerification1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE question_versions
        ADD COLUMN verification text NOT NULL DEFAULT 'not-applicable'
        CONSTRAINT question_versions_verification_check CHECK (verification IN ('not-applicable', 'unverified', 'verified'))`);
    // Versions already loaded from the bank: their checks are what the bank's verify run proves.
    await q.query(`
      UPDATE question_versions v SET verification = 'verified'
        FROM questions q
       WHERE q.id = v.question_id AND q.organization_id IS NULL AND jsonb_array_length(v.verify) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE question_versions DROP COLUMN verification`);
  }
}
