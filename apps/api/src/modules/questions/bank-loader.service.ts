import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BankQuestion, LoadedBank } from '@goprep/question-bank';
import { JudgeService } from '../judge/judge.service';
import { QuestionEntity, QuestionVersionEntity, TopicEntity } from './question.entities';
import { versionRow, type VersionRow } from './question-version-row';

/** The bank's checks are run by `npm run bank -- verify` (CI fails when one does not pass). */
function bankVerification(q: BankQuestion): 'verified' | 'not-applicable' {
  return q.verify.length > 0 ? 'verified' : 'not-applicable';
}

export interface BankLoadSummary {
  inserted: number;
  versioned: number;
  retired: number;
  unchanged: number;
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

  async load(bank: LoadedBank): Promise<BankLoadSummary> {
    const summary = await this.db.transaction((tx) => this.upsert(tx, bank));
    this.logger.log(
      `bank loaded: ${summary.inserted} new, ${summary.versioned} new versions, ${summary.retired} retired, ${summary.unchanged} unchanged`,
    );
    return summary;
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
