import * as Y from 'yjs';
import { docAt, fileNames, snapshotFiles } from './room-doc';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Records each change of a live document as the server stores it: a base64 update and a time. */
function recordSession() {
  const live = new Y.Doc();
  const updates: { at: string; update: string }[] = [];
  let clock = Date.parse('2026-12-06T10:00:00Z');
  live.on('update', (update: Uint8Array) => {
    updates.push({ at: new Date(clock).toISOString(), update: b64(update) });
  });
  const edit = (fn: () => void) => {
    clock += 60_000;
    fn();
  };
  return { live, updates, edit };
}

describe('docAt', () => {
  it('should rebuild the files as they were at each moment of the session', () => {
    const { live, updates, edit } = recordSession();
    const files = live.getMap<Y.Text>('files');
    edit(() => files.set('main.go', new Y.Text('package main\n')));
    edit(() => files.get('main.go')!.insert(13, 'func main() {}\n'));
    edit(() => files.set('util.go', new Y.Text('package main // util\n')));

    const at = (minute: number) => snapshotFiles(docAt(updates, Date.parse('2026-12-06T10:00:00Z') + minute * 60_000));
    expect(at(0)).toEqual([]);
    expect(at(1)).toEqual([{ name: 'main.go', content: 'package main\n' }]);
    expect(at(2)).toEqual([{ name: 'main.go', content: 'package main\nfunc main() {}\n' }]);
    expect(at(3).map((f) => f.name)).toEqual(['main.go', 'util.go']);
  });
});

describe('fileNames', () => {
  it('should list main.go first and the rest alphabetically', () => {
    const doc = new Y.Doc();
    const files = doc.getMap<Y.Text>('files');
    for (const name of ['zeta.go', 'main.go', 'alpha_test.go']) files.set(name, new Y.Text(''));
    expect(fileNames(doc)).toEqual(['main.go', 'alpha_test.go', 'zeta.go']);
  });
});
