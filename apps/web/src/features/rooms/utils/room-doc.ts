import * as Y from 'yjs';
import type { RunEntry } from '../types';

/**
 * The shared document's shape (the rooms contract): `files` maps a file name to its text,
 * `meta` holds the pushed prompt and the active file, `runs` the judged runs in order.
 */
export const filesOf = (doc: Y.Doc) => doc.getMap<Y.Text>('files');
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');
export const runsOf = (doc: Y.Doc) => doc.getArray<RunEntry>('runs');

/** File names in a stable order: `main.go` first, then alphabetical. */
export function fileNames(doc: Y.Doc): string[] {
  return [...filesOf(doc).keys()].sort((a, b) => (a === 'main.go' ? -1 : b === 'main.go' ? 1 : a.localeCompare(b)));
}

export function snapshotFiles(doc: Y.Doc): { name: string; content: string }[] {
  const files = filesOf(doc);
  return fileNames(doc).map((name) => ({ name, content: files.get(name)?.toString() ?? '' }));
}

export function metaString(doc: Y.Doc, key: string): string {
  const value = metaOf(doc).get(key);
  return typeof value === 'string' ? value : '';
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The session as it stood at `upTo` (ms since epoch): a fresh document with every stored update
 * up to then applied in order. Yjs merges updates commutatively, so a prefix is a valid state.
 */
export function docAt(updates: readonly { at: string; update: string }[], upTo: number): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) {
    if (Date.parse(u.at) > upTo) break;
    Y.applyUpdate(doc, fromBase64(u.update));
  }
  return doc;
}
