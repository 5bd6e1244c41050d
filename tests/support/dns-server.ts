import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';

/**
 * A small authoritative DNS server over UDP for tests (RFC 1035 wire format): it answers TXT
 * questions from a table the test controls, NXDOMAIN for names it does not hold, NODATA for other
 * types at names it holds, FORMERR for a message it cannot parse and NOTIMP for opcodes other
 * than QUERY. goprep's resolver (node:dns, c-ares) is pointed at it with SSO_DNS_SERVERS.
 */

export const TYPE_TXT = 16;
export const CLASS_IN = 1;
const HEADER_BYTES = 12;
const RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4 } as const;

export class DnsFormatError extends Error {}

export interface DnsQuestion {
  name: string;
  type: number;
  class: number;
}

export interface DnsQuery {
  id: number;
  opcode: number;
  recursionDesired: boolean;
  question: DnsQuestion;
}

export interface DnsAnswer {
  name: string;
  type: number;
  class: number;
  ttl: number;
  /** TXT: the record's character-strings, in order. */
  strings: string[];
}

export interface DnsMessage {
  id: number;
  response: boolean;
  authoritative: boolean;
  truncated: boolean;
  rcode: number;
  questions: DnsQuestion[];
  answers: DnsAnswer[];
}

/** Reads a (possibly compressed) name at `offset`; answers it and the offset after it in the message. */
export function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next = -1;
  for (let jumps = 0; ; ) {
    if (pos >= buf.length) throw new DnsFormatError('name runs past the end of the message');
    const len = buf[pos]!;
    if (len === 0) {
      pos += 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length) throw new DnsFormatError('truncated compression pointer');
      if (++jumps > 16) throw new DnsFormatError('compression pointer loop');
      if (next < 0) next = pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1]!;
      continue;
    }
    if ((len & 0xc0) !== 0) throw new DnsFormatError(`unsupported label type 0x${len.toString(16)}`);
    if (pos + 1 + len > buf.length) throw new DnsFormatError('label runs past the end of the message');
    labels.push(buf.toString('latin1', pos + 1, pos + 1 + len));
    pos += 1 + len;
    if (labels.join('.').length > 253) throw new DnsFormatError('name longer than 253 characters');
  }
  return { name: labels.join('.'), next: next >= 0 ? next : pos };
}

export function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter((l) => l !== '');
  const parts: Buffer[] = [];
  for (const label of labels) {
    const bytes = Buffer.from(label, 'latin1');
    if (bytes.length > 63) throw new DnsFormatError(`label longer than 63 bytes: ${label}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** Parses a query: the header and its single question (additional records such as EDNS OPT are ignored). */
export function parseQuery(buf: Buffer): DnsQuery {
  if (buf.length < HEADER_BYTES) throw new DnsFormatError('shorter than a DNS header');
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000) throw new DnsFormatError('a response, not a query');
  const qdcount = buf.readUInt16BE(4);
  if (qdcount !== 1) throw new DnsFormatError(`expected one question, got ${qdcount}`);
  const { name, next } = readName(buf, HEADER_BYTES);
  if (next + 4 > buf.length) throw new DnsFormatError('question runs past the end of the message');
  return {
    id: buf.readUInt16BE(0),
    opcode: (flags >> 11) & 0x0f,
    recursionDesired: (flags & 0x0100) !== 0,
    question: { name, type: buf.readUInt16BE(next), class: buf.readUInt16BE(next + 2) },
  };
}

/** A TXT record's RDATA: each string as length-prefixed character-strings of at most 255 bytes. */
export function encodeTxtData(strings: string[]): Buffer {
  const parts: Buffer[] = [];
  for (const s of strings) {
    const bytes = Buffer.from(s, 'utf8');
    if (bytes.length === 0) parts.push(Buffer.from([0]));
    for (let i = 0; i < bytes.length; i += 255) {
      const chunk = bytes.subarray(i, i + 255);
      parts.push(Buffer.from([chunk.length]), chunk);
    }
  }
  return Buffer.concat(parts);
}

export function buildQuery(id: number, name: string, type: number, recursionDesired = true): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(recursionDesired ? 0x0100 : 0, 2);
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(type, 0);
  tail.writeUInt16BE(CLASS_IN, 2);
  return Buffer.concat([header, encodeName(name), tail]);
}

/**
 * A response to `query`: the question echoed, then one TXT answer per entry of `records`
 * (each entry a record's character-strings). The answer names point back at the question.
 */
export function buildResponse(query: DnsQuery, rcode: number, records: string[][] = [], ttl = 60): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16BE(query.id, 0);
  // QR, the query's opcode, AA, the query's RD; RA off (this server does not recurse).
  const flags = 0x8000 | (query.opcode << 11) | 0x0400 | (query.recursionDesired ? 0x0100 : 0) | (rcode & 0x0f);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  const qtail = Buffer.alloc(4);
  qtail.writeUInt16BE(query.question.type, 0);
  qtail.writeUInt16BE(query.question.class, 2);
  const answers = records.map((strings) => {
    const data = encodeTxtData(strings);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc000 | HEADER_BYTES, 0); // pointer to the question's name
    fixed.writeUInt16BE(TYPE_TXT, 2);
    fixed.writeUInt16BE(CLASS_IN, 4);
    fixed.writeUInt32BE(ttl, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
  });
  return Buffer.concat([header, encodeName(query.question.name), qtail, ...answers]);
}

/** Parses a response (what a client sees); for the unit tests of the server. */
export function parseResponse(buf: Buffer): DnsMessage {
  if (buf.length < HEADER_BYTES) throw new DnsFormatError('shorter than a DNS header');
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  let pos = HEADER_BYTES;
  const questions: DnsQuestion[] = [];
  for (let i = 0; i < qd; i++) {
    const { name, next } = readName(buf, pos);
    questions.push({ name, type: buf.readUInt16BE(next), class: buf.readUInt16BE(next + 2) });
    pos = next + 4;
  }
  const answers: DnsAnswer[] = [];
  for (let i = 0; i < an; i++) {
    const { name, next } = readName(buf, pos);
    const type = buf.readUInt16BE(next);
    const cls = buf.readUInt16BE(next + 2);
    const ttl = buf.readUInt32BE(next + 4);
    const rdlength = buf.readUInt16BE(next + 8);
    const start = next + 10;
    if (start + rdlength > buf.length) throw new DnsFormatError('RDATA runs past the end of the message');
    const strings: string[] = [];
    if (type === TYPE_TXT) {
      for (let p = start; p < start + rdlength; ) {
        const len = buf[p]!;
        strings.push(buf.toString('utf8', p + 1, p + 1 + len));
        p += 1 + len;
      }
    }
    answers.push({ name, type, class: cls, ttl, strings });
    pos = start + rdlength;
  }
  return {
    id: buf.readUInt16BE(0),
    response: (flags & 0x8000) !== 0,
    authoritative: (flags & 0x0400) !== 0,
    truncated: (flags & 0x0200) !== 0,
    rcode: flags & 0x0f,
    questions,
    answers,
  };
}

/** The TXT records (each a list of character-strings) at a name, or undefined when the name does not exist. */
export type TxtSource = (name: string) => string[][] | undefined;

/** What the server answers for one message (exported for the unit tests). */
export function answer(message: Buffer, txt: TxtSource): Buffer | null {
  let query: DnsQuery;
  try {
    query = parseQuery(message);
  } catch {
    if (message.length < 2) return null;
    // FORMERR with the id of whatever arrived, and no question.
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt16BE(message.readUInt16BE(0), 0);
    header.writeUInt16BE(0x8000 | RCODE.FORMERR, 2);
    return header;
  }
  if (query.opcode !== 0) return buildResponse(query, RCODE.NOTIMP);
  const records = txt(query.question.name.toLowerCase());
  if (records === undefined) return buildResponse(query, RCODE.NXDOMAIN);
  if (query.question.type !== TYPE_TXT || query.question.class !== CLASS_IN) return buildResponse(query, RCODE.NOERROR);
  return buildResponse(query, RCODE.NOERROR, records);
}

/** The TXT records a test serves, by name (case-insensitive); each value one record. */
export class TxtTable {
  private readonly names = new Map<string, string[]>();

  set(name: string, values: string[]): void {
    this.names.set(name.toLowerCase().replace(/\.$/, ''), values);
  }

  delete(name: string): void {
    this.names.delete(name.toLowerCase().replace(/\.$/, ''));
  }

  readonly source: TxtSource = (name) => this.names.get(name)?.map((v) => [v]);
}

/** TXT records read from a JSON file (`{ "name": ["value", ...] }`) at every query: a table another process can change. */
export function txtFromFile(path: string): TxtSource {
  return (name) => {
    let table: Record<string, string[]> = {};
    try {
      table = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
    } catch {
      // No file yet: no names.
    }
    const values = Object.entries(table).find(([k]) => k.toLowerCase().replace(/\.$/, '') === name)?.[1];
    return values?.map((v) => [v]);
  };
}

export interface RunningDnsServer {
  host: string;
  port: number;
  /** For SSO_DNS_SERVERS. */
  address: string;
  /** Every question asked so far, as `name TYPE`. */
  queries: string[];
  stop(): Promise<void>;
}

/** Listens on a free UDP port on 127.0.0.1 (the kernel picks it: no race with other tests). */
export async function startDnsServer(txt: TxtSource): Promise<RunningDnsServer> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    try {
      const q = parseQuery(msg);
      queries.push(`${q.question.name} ${q.question.type === TYPE_TXT ? 'TXT' : q.question.type}`);
    } catch {
      queries.push('(malformed)');
    }
    const reply = answer(msg, txt);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const { port } = socket.address();
  return {
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
