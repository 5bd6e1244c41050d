import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerKey } from '@goprep/domain';
import type { DataSource } from 'typeorm';
import type { ContentLocale } from '../../common/i18n/content-locale';
import {
  TRANSLATION_COLUMNS,
  TRANSLATION_REVIEW_COLUMNS,
  translationJoin,
  type TranslationReviewColumns,
} from '../questions/translated-text';

/** A drill card's question, current version, with the translation of the requested language beside it. */
export interface ExportRow extends Partial<TranslationReviewColumns> {
  question_id: string;
  title: string;
  topic_id: string;
  subtopic: string;
  type: AnswerKey['type'];
  tags: string[];
  prompt: string;
  code: string | null;
  options: Array<{ id: string; text: string }> | null;
  unit: string | null;
  answer_key: AnswerKey;
  explanation: string;
  references: string[];
  modified_at: number;
}

export type ExportScope = 'all' | 'missed';

@Injectable()
export class DeckExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The learner's reviewed cards in the order they were added: a card's back carries its key, and
   * a key reaches a learner only after answering (a card never reviewed stays out, as its key does
   * in every other response). `missed`: cards forgotten at least once (lapses) or whose latest
   * review (not undone) was rated Again.
   */
  cards(userId: string, scope: ExportScope, locale: ContentLocale): Promise<ExportRow[]> {
    return this.db.query(
      `SELECT q.id AS question_id, v.title, v.topic_id, v.subtopic, v.type, v.tags, v.prompt, v.code, v.options, v.unit,
              v.answer_key, v.explanation, v."references",
              -- A note must look newer to Anki when the question or its translation changed since the last export.
              floor(extract(epoch FROM GREATEST(v.created_at, COALESCE(tr.updated_at, v.created_at))))::int AS modified_at,
              ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS}
         FROM srs_cards c
         JOIN questions q ON q.id = c.question_id
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         ${translationJoin('$3')}
        WHERE c.user_id = $1
          AND EXISTS (SELECT 1 FROM srs_reviews rv WHERE rv.card_id = c.id AND rv.undone_at IS NULL)
          AND ($2 = 'all' OR c.lapses > 0 OR (
                SELECT r.rating FROM srs_reviews r
                 WHERE r.card_id = c.id AND r.undone_at IS NULL
                 ORDER BY r.reviewed_at DESC LIMIT 1) = 'again')
        ORDER BY c.added_at, q.id`,
      [userId, scope, locale],
    );
  }
}
