/** RFC 4180 CSV writing (formula-injection safe) and the bulk-invite list parser. */

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet treat a cell as a formula (or, for tab/CR, hide one). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
/** A plain decimal number written as text ("-3.5") is data; spreadsheets read it as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function neutralize(text: string): string {
  // Leading spaces do not stop some spreadsheets from evaluating " =1+1", so look past them.
  const first = text.replace(/^ +/, '').charAt(0);
  if (first === '' || !FORMULA_START.has(first) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/**
 * One field, quoted when needed (comma, quote, CR, LF, leading/trailing space). A text starting
 * with =, +, -, @, tab or CR is prefixed with a single quote so spreadsheets do not run it.
 * Finite numbers are written as they are (a negative number is data, not a formula); NaN and
 * infinities, null and undefined become an empty field.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralize(cell);
  return /[",\r\n]|^ | $/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads non-ASCII names correctly. */
  bom?: boolean;
}

/** Whole document: header + rows, CRLF line ends, trailing CRLF. Every row must be as wide as the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new RangeError(`row ${i + 1} has ${row.length} fields, the header has ${header.length}`);
  });
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export interface Invitee {
  /** Trimmed, inner whitespace collapsed; may be empty when only an email was given. */
  name: string;
  /** Trimmed; case preserved as typed. Duplicates are compared case-insensitively. */
  email: string;
  /** 1-based line of the input it came from. */
  line: number;
}

export type InviteParseErrorCode =
  | 'missing-email'
  | 'invalid-email'
  | 'name-too-long'
  | 'duplicate'
  | 'too-many-rows'
  | 'bad-quoting'
  | 'too-many-fields';

export interface InviteParseError {
  /** 1-based line number in the input. */
  line: number;
  code: InviteParseErrorCode;
  message: string;
}

export interface InviteParseResult {
  invitees: Invitee[];
  errors: InviteParseError[];
}

export interface InviteParseOptions {
  /** Default 500. Rows beyond are reported once as 'too-many-rows' and not read. */
  maxRows?: number;
}

export const DEFAULT_MAX_INVITE_ROWS = 500;
export const MAX_INVITEE_NAME_LENGTH = 200;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A deliverable-looking address: dot-atom local part (no quoted forms), a domain of at least two
 * labels with an alphabetic (or punycode) top-level label, RFC 5321 lengths. Deliberately
 * stricter than RFC 5322: an invite to "a@b" or '"x y"@z' is a typo far more often than not.
 */
export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  const tld = labels[labels.length - 1] ?? '';
  return /^[A-Za-z]{2,63}$/.test(tld) || /^xn--[A-Za-z0-9-]+$/.test(tld);
}

interface RawRecord {
  line: number;
  fields: string[];
}

interface Tokenized {
  records: RawRecord[];
  /** Set when a quoted field never closes; the records before it are still good. */
  unterminatedQuoteLine: number | null;
}

/**
 * RFC 4180 records with a chosen delimiter. Quoted fields may hold delimiters, quotes ("") and
 * line breaks; CRLF, LF and lone CR all end a record. Text after a closing quote is kept as is
 * (lenient, like spreadsheets) rather than rejected.
 */
function tokenize(text: string, delimiter: string): Tokenized {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"' && field.trim() === '') {
      // Opening quote (spaces before it are dropped, as spreadsheets do when pasting).
      const quoteLine = line;
      field = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text.charAt(i);
        if (c === '"') {
          if (text.charAt(i + 1) === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          if (c === '\r' && text.charAt(i + 1) === '\n') {
            field += '\r';
            i++;
          }
          line++;
        }
        field += c;
        i++;
      }
      if (!closed) return { records, unterminatedQuoteLine: quoteLine };
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unterminatedQuoteLine: null };
}

/**
 * Comma when the first line has one; else tab (pasted from a spreadsheet), else semicolon (a
 * European-locale CSV). A comma wins so that a stray tab inside a name does not split the lines.
 */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

const EMAIL_HEADERS = new Set(['email', 'e-mail', 'email address', 'e-mail address', 'mail', '邮箱', '电子邮件', '电子邮箱', '邮件']);
const NAME_HEADERS = new Set(['name', 'full name', 'fullname', 'candidate', 'candidate name', '姓名', '名字', '候选人']);
const FIRST_NAME_HEADERS = new Set(['first name', 'firstname', 'given name', '名']);
const LAST_NAME_HEADERS = new Set(['last name', 'lastname', 'surname', 'family name', '姓']);

interface HeaderColumns {
  email: number;
  name: number | null;
  first: number | null;
  last: number | null;
}

const headerKey = (field: string): string => field.trim().toLowerCase().replace(/[_\s]+/g, ' ');

function readHeader(fields: readonly string[]): HeaderColumns | null {
  const keys = fields.map(headerKey);
  const find = (names: Set<string>): number | null => {
    const index = keys.findIndex((k) => names.has(k));
    return index === -1 ? null : index;
  };
  const email = find(EMAIL_HEADERS);
  if (email === null) return null;
  return { email, name: find(NAME_HEADERS), first: find(FIRST_NAME_HEADERS), last: find(LAST_NAME_HEADERS) };
}

const cleanName = (raw: string): string =>
  raw
    // Control characters would end up in mail headers and the UI.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function cleanEmail(raw: string): string {
  let email = raw.trim();
  if (/^mailto:/i.test(email)) email = email.slice('mailto:'.length);
  if (email.startsWith('<') && email.endsWith('>')) email = email.slice(1, -1).trim();
  return email;
}

const looksLikeEmail = (field: string): boolean => field.includes('@');

type Candidate = { name: string; email: string } | { error: InviteParseErrorCode; message: string };

/** A record without a header: one field that holds the address, the others (if any) the name. */
function fromLooseRecord(fields: readonly string[]): Candidate {
  const nonEmpty = fields.map((f) => f.trim()).filter((f) => f !== '');
  // "Ada Lovelace <ada@example.com>" in one field.
  if (nonEmpty.length === 1) {
    const only = nonEmpty[0] ?? '';
    const angled = /^(.*?)<([^<>]*)>\s*$/.exec(only);
    if (angled) return { name: (angled[1] ?? '').replace(/^"|"$/g, ''), email: angled[2] ?? '' };
  }
  const emails = nonEmpty.filter(looksLikeEmail);
  if (emails.length === 0) return { error: 'missing-email', message: 'no email address on this line' };
  if (emails.length > 1) return { error: 'too-many-fields', message: 'more than one email address on this line' };
  // An unquoted "Lovelace, Ada, ada@example.com" splits the name; join it back as it was typed.
  return { name: nonEmpty.filter((f) => !looksLikeEmail(f)).join(', '), email: emails[0] ?? '' };
}

function fromHeaderRecord(fields: readonly string[], columns: HeaderColumns): Candidate {
  const at = (index: number | null): string => (index === null ? '' : (fields[index] ?? ''));
  const email = at(columns.email);
  if (email.trim() === '') return { error: 'missing-email', message: 'the email column is empty' };
  const name = columns.name !== null ? at(columns.name) : [at(columns.first), at(columns.last)].map((s) => s.trim()).filter((s) => s).join(' ');
  return { name, email };
}

/**
 * Pasted "name, email" lines (or "email, name", "email" alone, or "Name <email>") or a CSV file
 * with a header row (columns recognised by name: name / full name / first + last name, email; in
 * English or Chinese). Handles a BOM, CRLF, quoted fields, tab- or semicolon-separated pastes.
 * Every problem is reported with its 1-based line; good rows are returned even when others fail.
 */
export function parseInviteList(text: string, options: InviteParseOptions = {}): InviteParseResult {
  const maxRows = options.maxRows ?? DEFAULT_MAX_INVITE_ROWS;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { records, unterminatedQuoteLine } = tokenize(body, detectDelimiter(body));
  const invitees: Invitee[] = [];
  const errors: InviteParseError[] = [];
  const seen = new Map<string, number>();
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ''));

  const first = rows[0];
  const columns = first ? readHeader(first.fields) : null;
  const dataRows = columns ? rows.slice(1) : rows;

  let count = 0;
  for (const record of dataRows) {
    if (count === maxRows) {
      errors.push({ line: record.line, code: 'too-many-rows', message: `at most ${maxRows} invitees at a time; this line and the ones after it were not read` });
      return { invitees, errors };
    }
    count++;
    const candidate = columns ? fromHeaderRecord(record.fields, columns) : fromLooseRecord(record.fields);
    if ('error' in candidate) {
      errors.push({ line: record.line, code: candidate.error, message: candidate.message });
      continue;
    }
    const email = cleanEmail(candidate.email);
    const name = cleanName(candidate.name);
    if (!isValidEmail(email)) {
      errors.push({ line: record.line, code: 'invalid-email', message: `"${email}" is not a valid email address` });
      continue;
    }
    if (name.length > MAX_INVITEE_NAME_LENGTH) {
      errors.push({ line: record.line, code: 'name-too-long', message: `the name is longer than ${MAX_INVITEE_NAME_LENGTH} characters` });
      continue;
    }
    const key = email.toLowerCase();
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      errors.push({ line: record.line, code: 'duplicate', message: `${email} is already on line ${firstLine}` });
      continue;
    }
    seen.set(key, record.line);
    invitees.push({ name, email, line: record.line });
  }
  if (unterminatedQuoteLine !== null) {
    errors.push({ line: unterminatedQuoteLine, code: 'bad-quoting', message: 'a quoted field starts here and is never closed; the rest of the input was not read' });
  }
  return { invitees, errors };
}
