import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BankQuestion, LoadedBank, QuestionTranslation } from '@goprep/question-bank';
import { JudgeService } from '../judge/judge.service';
import { versionRow, type VersionRow } from './question-version-row';
import { QuestionsRepository } from './questions.repository';
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
    private readonly repo: QuestionsRepository,
    private readonly judge: JudgeService,
  ) {}

  /**
   * `translations` (when given) are stored against the current version of their question; a
   * translation never creates a version, and a question's translations not given are removed
   * from its current version (older versions keep theirs: attempts pinned to them still read them).
   */
  async load(bank: LoadedBank, translations?: readonly QuestionTranslation[]): Promise<BankLoadSummary> {
    const summary = await this.repo.transaction(async (tx) => {
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
        follow_ups: t.followUps ?? null,
        search_text: [t.title, t.prompt, ...(t.options ?? []).map((o) => o.text)].join(' '),
        search_grams: searchGrams([t.title, t.prompt, ...(t.options ?? []).map((o) => o.text)].join(' ')),
      }));
    const written = await this.repo.writeTranslations(tx, rows);
    const removed = await this.repo.removeTranslationsExcept(
      tx,
      rows.map((r) => `${r.question_id}/${r.locale}`),
    );
    return { written, removed };
  }

  private async upsert(tx: EntityManager, bank: LoadedBank): Promise<BankLoadSummary> {
    await this.repo.lockBankLoad(tx);
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
      await this.repo.upsertTopics(tx, topics);
    }

    const existing = await this.repo.bankQuestions(tx);
    const byId = new Map(existing.map((row) => [row.id, row]));
    const summary: BankLoadSummary = { inserted: 0, versioned: 0, retired: 0, unchanged: 0 };
    const newVersions: VersionRow[] = [];

    for (const q of bank.questions) {
      const row = byId.get(q.id);
      if (!row) {
        await this.repo.insertBankQuestion(tx, q.id, q.topic);
        newVersions.push(versionRow(q, 1, bankVerification(q)));
        summary.inserted++;
      } else if (row.content_hash !== q.contentHash) {
        const next = row.current_version + 1;
        newVersions.push(versionRow(q, next, bankVerification(q)));
        await this.repo.setCurrentVersion(tx, q.id, next, q.topic);
        summary.versioned++;
      } else {
        if (row.retired_at) await this.repo.unretire(tx, q.id);
        summary.unchanged++;
      }
    }
    for (let i = 0; i < newVersions.length; i += 200) {
      await this.repo.insertVersions(tx, newVersions.slice(i, i + 200));
    }
    // Code tasks: the judge's spec (hidden tests, solution) goes to its own server-side table.
    await this.judge.storeTaskSpecs(tx, bank.questions);
    const keep = bank.questions.map((q) => q.id);
    summary.retired = await this.repo.retireAllBut(tx, keep);
    await this.repo.recordBankLoad(tx, summary);
    return summary;
  }
}
