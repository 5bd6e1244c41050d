import { Injectable } from '@nestjs/common';
import { ANKI_CSS, ANKI_LABELS, ankiNote, type AnkiNote } from '@goprep/domain';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { deliveredText, reviewedText } from '../questions/translated-text';
import { buildApkg } from './apkg';
import { DeckExportRepository, type ExportRow, type ExportScope } from './deck-export.repository';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** RFC 4180: every field quoted, quotes doubled; lines end in CRLF. */
const csvField = (text: string): string => `"${text.replace(/"/g, '""')}"`;

@Injectable()
export class DeckExportService {
  constructor(private readonly repo: DeckExportRepository) {}

  private async notes(userId: string, scope: ExportScope, locale: ContentLocale): Promise<AnkiNote[]> {
    const rows = await this.repo.cards(userId, scope, locale);
    const labels = ANKI_LABELS[locale];
    return rows.map((row) => ankiNote(this.source(row, locale), labels));
  }

  private source(row: ExportRow, locale: ContentLocale): Parameters<typeof ankiNote>[0] {
    const text = deliveredText(row, locale);
    const review = reviewedText(row, locale);
    return {
      id: row.question_id,
      title: text.title,
      topic: row.topic_id,
      subtopic: row.subtopic,
      type: row.type,
      tags: row.tags,
      prompt: text.prompt,
      code: row.code,
      options: row.options?.map((o) => ({ id: o.id, text: text.optionText(o.id, o.text) })) ?? null,
      unit: text.unit,
      key: review.key,
      explanation: review.explanation,
      references: row.references,
      modifiedAt: row.modified_at,
    };
  }

  private filename(scope: ExportScope, now: Date, ext: string): string {
    return `goprep-${scope === 'missed' ? 'missed' : 'drills'}-${now.toISOString().slice(0, 10)}.${ext}`;
  }

  /** The learner's deck (or the cards they missed) as an Anki package; importing it again updates the notes. */
  async apkg(userId: string, scope: ExportScope, locale: ContentLocale, now = new Date()): Promise<ExportFile> {
    const notes = await this.notes(userId, scope, locale);
    const body = await buildApkg({ deckName: scope === 'missed' ? 'goprep::missed' : 'goprep', deckSeed: `${userId}:${scope}`, notes, css: ANKI_CSS, now });
    return { filename: this.filename(scope, now, 'apkg'), contentType: 'application/octet-stream', body };
  }

  /**
   * The same notes as CSV for Anki's text import (its header lines name the separator, HTML fields,
   * the tags and guid columns, so a re-import updates too) and for other spaced-repetition tools.
   */
  async csv(userId: string, scope: ExportScope, locale: ContentLocale, now = new Date()): Promise<ExportFile> {
    const notes = await this.notes(userId, scope, locale);
    const lines = [
      '#separator:comma',
      '#html:true',
      '#columns:Front,Back,goprep id,Tags,GUID',
      '#tags column:4',
      '#guid column:5',
      ...notes.map((n) => [n.fields[0], n.fields[1], n.fields[2], n.tags.join(' '), n.guid].map(csvField).join(',')),
    ];
    return { filename: this.filename(scope, now, 'csv'), contentType: 'text/csv; charset=utf-8', body: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') };
  }
}
