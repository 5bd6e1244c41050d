import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions in more than one language (issue 15). English stays in question_versions; each
 * translation is a row per (version, locale) holding text only, with the English content hash it
 * was made from: a row whose source_hash differs from its version's content_hash is stale and
 * delivery falls back to English. Option feedback is kept apart from option text so a delivery
 * query never selects it. A learner chooses the content language (or follows the interface); an
 * attempt records the language it is delivered in; a question set version has a language.
 */
export class ContentLanguage1764515000000 implements MigrationInterface {
  name = 'ContentLanguage1764515000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE question_version_translations (
        version_id uuid NOT NULL REFERENCES question_versions(id) ON DELETE CASCADE,
        locale text NOT NULL CHECK (locale IN ('zh-CN')),
        source_hash text NOT NULL,
        title text NOT NULL,
        prompt text NOT NULL,
        explanation text NOT NULL,
        answer text,
        options jsonb CHECK (options IS NULL OR jsonb_typeof(options) = 'array'),
        option_feedback jsonb CHECK (option_feedback IS NULL OR jsonb_typeof(option_feedback) = 'object'),
        accepted text[],
        unit text,
        rubric text[],
        search_text text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, locale)
      )`);
    await q.query(
      `ALTER TABLE users ADD COLUMN content_language text NOT NULL DEFAULT 'follow-ui' CHECK (content_language IN ('en', 'zh-CN', 'follow-ui'))`,
    );
    await q.query(`ALTER TABLE attempts ADD COLUMN content_locale text NOT NULL DEFAULT 'en' CHECK (content_locale IN ('en', 'zh-CN'))`);
    await q.query(
      `ALTER TABLE question_set_versions ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-CN', 'candidate-chooses'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE question_set_versions DROP COLUMN language');
    await q.query('ALTER TABLE attempts DROP COLUMN content_locale');
    await q.query('ALTER TABLE users DROP COLUMN content_language');
    await q.query('DROP TABLE question_version_translations');
  }
}
