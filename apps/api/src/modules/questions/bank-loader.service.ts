import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BankQuestion, LoadedBank, QuestionTranslation } from '@goprep/question-bank';
import { JudgeService } from '../judge/judge.service';
import { QuestionEntity, QuestionVersionEntity, TopicEntity } from './question.entities';
import { versionRow, type VersionRow } from './question-version-row';
import { searchGrams } from './search-grams';

/** The bank's checks are run by `npm run bank -- verify` (CI fails when one does not pass). */
function bankVerification(q: BankQuestion): 'verified' | 'not-applicable' {
  return q.verify.length > 0 ? 'verified' : 'not-applicable';
}

export interface BankLoadSummary {
  inserted: number;
  versioned: number;
  retired: number;
  unchanged: number;
  /** Present when translations were given: rows written (new or changed text) and removed. */
  translations?: { written: number; removed: number };
}

/**
 * Puts the bank files into Postgres in one transaction: new questions are inserted, changed ones
 * (a new content hash) get a new immutable version, removed ones are retired, never deleted.
 * An advisory lock lets several API instances start at once without loading twice.
 */
@Injectable()
export class BankLoaderService {
  private readonly logger = new Logger('Bank');

  constructor(
    private readonly db: DataSource,
    private readonly judge: JudgeService,
  ) {}

  /**
   * `translations` (when given) are stored against the current version of their question; a
   * translation never creates a version, and a question's translations not given are removed
   * from its current version (older versions keep theirs: attempts pinned to them still read them).
   */
  async load(bank: LoadedBank, translations?: readonly QuestionTranslation[]): Promise<BankLoadSummary> {
    const summary = await this.db.transaction(async (tx) => {
      const result = await this.upsert(tx, bank);
      if (translations !== undefined) result.translations = await this.upsertTranslations(tx, bank, translations);
      return result;
    });
    this.logger.log(
      `bank loaded: ${summary.inserted} new, ${summary.versioned} new versions, ${summary.retired} retired, ${summary.unchanged} unchanged` +
        (summary.translations ? `; translations: ${summary.translations.written} written, ${summary.translations.removed} removed` : ''),
    );
    return summary;
  }

  private async upsertTranslations(
    tx: EntityManager,
    bank: LoadedBank,
    translations: readonly QuestionTranslation[],
  ): Promise<{ written: number; removed: number }> {
    const ids = new Set(bank.questions.map((q) => q.id));
    const rows = translations
      .filter((t) => ids.has(t.id))
      .map((t) => ({
        question_id: t.id,
        locale: t.locale,
        // Unstamped: never equal to a content hash, so delivered as stale (English).
        source_hash: t.sourceHash ?? '',
        title: t.title,
        prompt: t.prompt,
        explanation: t.explanation,
        answer: t.answer ?? null,
        options: t.options ? t.options.map((o) => ({ id: o.id, text: o.text })) : null,
        option_feedback: t.options?.some((o) => o.feedback !== undefined)
          ? Object.fromEntries(t.options.flatMap((o) => (o.feedback !== undefined ? [[o.id, o.feedback]] : [])))
          : null,
        accepted: t.accepted ?? null,
        unit: t.unit ?? null,
        rubric: t.rubric ?? null,
        search_text: [t.title, t.prompt, ...(t.options ?? []).map((o) => o.text)].join(' '),
        search_grams: searchGrams([t.title, t.prompt, ...(t.options ?? []).map((o) => o.text)].join(' ')),
      }));
    const [written] = (await tx.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(question_id text, locale text, source_hash text, title text, prompt text,
           explanation text, answer text, options jsonb, option_feedback jsonb, accepted text[], unit text, rubric text[], search_text text,
           search_grams text[])
       ), w AS (
         INSERT INTO question_version_translations AS t
           (version_id, locale, source_hash, title, prompt, explanation, answer, options, option_feedback, accepted, unit, rubric, search_text,
            search_grams)
         SELECT v.id, x.locale, x.source_hash, x.title, x.prompt, x.explanation, x.answer, x.options, x.option_feedback, x.accepted, x.unit,
                x.rubric, x.search_text, x.search_grams
           FROM input x
           JOIN questions q ON q.id = x.question_id AND q.organization_id IS NULL
           JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         ON CONFLICT (version_id, locale) DO UPDATE SET
           source_hash = EXCLUDED.source_hash, title = EXCLUDED.title, prompt = EXCLUDED.prompt, explanation = EXCLUDED.explanation,
           answer = EXCLUDED.answer, options = EXCLUDED.options, option_feedback = EXCLUDED.option_feedback, accepted = EXCLUDED.accepted,
           unit = EXCLUDED.unit, rubric = EXCLUDED.rubric, search_text = EXCLUDED.search_text,
           search_grams = EXCLUDED.search_grams, updated_at = now()
         WHERE (t.source_hash, t.title, t.prompt, t.explanation, t.answer, t.options, t.option_feedback, t.accepted, t.unit, t.rubric, t.search_grams)
           IS DISTINCT FROM (EXCLUDED.source_hash, EXCLUDED.title, EXCLUDED.prompt, EXCLUDED.explanation, EXCLUDED.answer, EXCLUDED.options,
                             EXCLUDED.option_feedback, EXCLUDED.accepted, EXCLUDED.unit, EXCLUDED.rubric, EXCLUDED.search_grams)
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM w`,
      [JSON.stringify(rows)],
    )) as Array<{ n: number }>;
    const [removed] = (await tx.query(
      `WITH r AS (
         DELETE FROM question_version_translations t
          USING questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
          WHERE t.version_id = v.id AND q.organization_id IS NULL
            AND NOT ((q.id || '/' || t.locale) = ANY($1::text[]))
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM r`,
      [rows.map((r) => `${r.question_id}/${r.locale}`)],
    )) as Array<{ n: number }>;
    return { written: written?.n ?? 0, removed: removed?.n ?? 0 };
  }

  private async upsert(tx: EntityManager, bank: LoadedBank): Promise<BankLoadSummary> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['goprep:bank-load']);
    // A topic folder without its _topic.md still gets a row, so questions never dangle.
    const described = new Set(bank.topics.map((t) => t.id));
    const undescribed = [...new Set(bank.questions.map((q) => q.topic))]
      .filter((id) => !described.has(id))
      .map((id) => ({ id, title: id, core: false, description: '' }));
    const topics = [...bank.topics, ...undescribed].map((t, position) => ({
      id: t.id,
      title: t.title,
      core: t.core,
      description: t.description,
      position,
    }));
    if (topics.length > 0) {
      await tx.createQueryBuilder().insert().into(TopicEntity).values(topics).orUpdate(['title', 'core', 'description', 'position'], ['id']).execute();
    }

    const existing: Array<{ id: string; current_version: number; retired_at: Date | null; content_hash: string }> = await tx.query(
      `SELECT q.id, q.current_version, q.retired_at, v.content_hash
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL`,
    );
    const byId = new Map(existing.map((row) => [row.id, row]));
    const summary: BankLoadSummary = { inserted: 0, versioned: 0, retired: 0, unchanged: 0 };
    const newVersions: VersionRow[] = [];

    for (const q of bank.questions) {
      const row = byId.get(q.id);
      if (!row) {
        await tx.insert(QuestionEntity, { id: q.id, topicId: q.topic, organizationId: null, currentVersion: 1, retiredAt: null });
        newVersions.push(versionRow(q, 1, bankVerification(q)));
        summary.inserted++;
      } else if (row.content_hash !== q.contentHash) {
        const next = row.current_version + 1;
        newVersions.push(versionRow(q, next, bankVerification(q)));
        await tx.update(QuestionEntity, { id: q.id }, { currentVersion: next, topicId: q.topic, retiredAt: null });
        summary.versioned++;
      } else {
        if (row.retired_at) await tx.update(QuestionEntity, { id: q.id }, { retiredAt: null });
        summary.unchanged++;
      }
    }
    for (let i = 0; i < newVersions.length; i += 200) {
      await tx.insert(QuestionVersionEntity, newVersions.slice(i, i + 200));
    }
    // Code tasks: the judge's spec (hidden tests, solution) goes to its own server-side table.
    await this.judge.storeTaskSpecs(tx, bank.questions);
    const keep = bank.questions.map((q) => q.id);
    // A CTE, because TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
    const [retired] = (await tx.query(
      `WITH r AS (UPDATE questions SET retired_at = now()
         WHERE organization_id IS NULL AND retired_at IS NULL AND NOT (id = ANY($1::text[])) RETURNING id)
       SELECT count(*)::int AS n FROM r`,
      [keep],
    )) as Array<{ n: number }>;
    summary.retired = retired?.n ?? 0;
    await tx.query('INSERT INTO bank_loads (inserted, versioned, retired, unchanged) VALUES ($1, $2, $3, $4)', [
      summary.inserted,
      summary.versioned,
      summary.retired,
      summary.unchanged,
    ]);
    return summary;
  }
}
