import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search in translated text (issue 15). Postgres' text-search parsers keep a run of Han characters
 * as one token, so `to_tsvector` cannot find 内存 inside 内存模型. The loader stores each
 * translation's character pairs and Latin words (search-grams.ts) and a GIN index answers "has all
 * of the query's terms" (`@>`) without a dictionary or an extension the embedded Postgres may lack.
 */
export class TranslationSearch1764515100000 implements MigrationInterface {
  name = 'TranslationSearch1764515100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE question_version_translations ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}'`);
    await q.query('CREATE INDEX question_version_translations_grams_idx ON question_version_translations USING gin (search_grams)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX question_version_translations_grams_idx');
    await q.query('ALTER TABLE question_version_translations DROP COLUMN search_grams');
  }
}
