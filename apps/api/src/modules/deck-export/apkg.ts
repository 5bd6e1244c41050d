import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { ankiId, type AnkiNote } from '@goprep/domain';

/**
 * An Anki package (.apkg): a zip holding `collection.anki2` (an SQLite database in Anki's
 * schema 11, which every Anki since 2.1 imports) and `media` (a JSON map of media files; none
 * here). Built with sql.js (SQLite compiled to WebAssembly), so nothing native is needed.
 *
 * Importing again updates instead of duplicating: Anki matches notes by guid, and the guid, the
 * note type id and the deck id are derived from goprep ids; a note whose question changed since
 * carries a newer modification time, which is what Anki's importer needs to update it.
 */
export interface ApkgInput {
  /** The deck's name in Anki (`::` nests it). */
  deckName: string;
  /** Seeds the deck id: the same learner's exports land in the same deck. */
  deckSeed: string;
  notes: AnkiNote[];
  css: string;
  now: Date;
}

/** The note type: its id is fixed, so every export from every goprep server shares it. */
export const NOTE_TYPE = { id: ankiId('goprep note type: question v1'), name: 'goprep question', fields: ['Front', 'Back', 'goprep id'] } as const;

let sqlJs: Promise<SqlJsStatic> | undefined;

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** Anki's first-field checksum: the first 8 hex digits of the SHA-1 of the field without HTML. */
export function fieldChecksum(field: string): number {
  const text = field.replace(/<[^>]*>/g, '').trim();
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/** The text Anki sorts and searches by (the first field without HTML). */
const sortField = (field: string): string =>
  field
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function deckJson(id: number, name: string, mod: number): Record<string, unknown> {
  return {
    id,
    name,
    desc: '',
    mod,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

function noteTypeJson(deckId: number, css: string, mod: number): Record<string, unknown> {
  return {
    id: NOTE_TYPE.id,
    name: NOTE_TYPE.name,
    type: 0,
    mod,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', did: null, bqfmt: '', bafmt: '' }],
    flds: NOTE_TYPE.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

const DECK_CONFIG = {
  id: 1,
  name: 'Default',
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  rev: { perDay: 200, ease4: 1.3, ivlFct: 1, maxIvl: 36500, bury: false, hardFactor: 1.2 },
};

/** The collection database of the package, as bytes. */
export async function buildCollection(input: ApkgInput): Promise<Uint8Array> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    const nowMs = input.now.getTime();
    const nowS = Math.floor(nowMs / 1000);
    const deckId = ankiId(`deck:${input.deckSeed}`);
    const decks = { '1': deckJson(1, 'Default', nowS), [String(deckId)]: deckJson(deckId, input.deckName, nowS) };
    const conf = { nextPos: input.notes.length + 1, estTimes: true, activeDecks: [deckId], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: deckId, newSpread: 0, dueCounts: true, curModel: String(NOTE_TYPE.id), collapseTime: 1200 };
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      nowS,
      nowMs,
      nowMs,
      JSON.stringify(conf),
      JSON.stringify({ [String(NOTE_TYPE.id)]: noteTypeJson(deckId, input.css, nowS) }),
      JSON.stringify(decks),
      JSON.stringify({ '1': DECK_CONFIG }),
      '{}',
    ]);
    const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    input.notes.forEach((n, i) => {
      const tags = n.tags.length > 0 ? ` ${n.tags.join(' ')} ` : '';
      note.run([n.noteId, n.guid, NOTE_TYPE.id, n.modifiedAt, tags, n.fields.join('\x1f'), sortField(n.fields[0]), fieldChecksum(n.fields[0]), '']);
      // A new card (type 0, queue 0) whose due is its position among the new cards.
      card.run([n.cardId, n.noteId, deckId, n.modifiedAt, i + 1, '']);
    });
    note.free();
    card.free();
    return db.export();
  } finally {
    db.close();
  }
}

/** A zip of stored-or-deflated entries (the subset of the format Anki's importer reads). */
export function zip(entries: Array<{ name: string; data: Uint8Array }>, now: Date): Buffer {
  const dosTime = ((now.getUTCHours() << 11) | (now.getUTCMinutes() << 5) | Math.floor(now.getUTCSeconds() / 2)) & 0xffff;
  const dosDate = (((now.getUTCFullYear() - 1980) << 9) | ((now.getUTCMonth() + 1) << 5) | now.getUTCDate()) & 0xffff;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The .apkg file's bytes. */
export async function buildApkg(input: ApkgInput): Promise<Buffer> {
  const collection = await buildCollection(input);
  return zip(
    [
      { name: 'collection.anki2', data: collection },
      { name: 'media', data: Buffer.from('{}') },
    ],
    input.now,
  );
}
