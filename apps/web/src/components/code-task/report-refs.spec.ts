import { reportRefs } from './report-refs';

describe('reportRefs', () => {
  const leak = [
    'found unexpected goroutines:',
    '[Goroutine 7 in state chan send, with goprep/task.Fetch.func1 on top of the stack:',
    'goprep/task.Fetch.func1()',
    '\tfanout.go:21 +0x5c',
    'created by goprep/task.Fetch in goroutine 6',
    '\t/work/fanout.go:18 +0x8f',
    '\thidden tests +0x22',
    '\tmyfanout.go:3',
  ].join('\n');

  it('should link each frame in a submission file and keep the rest as text', () => {
    const parts = reportRefs(leak, ['fanout.go']);
    expect(parts.filter((p) => typeof p !== 'string')).toEqual([
      { file: 'fanout.go', line: 21, text: 'fanout.go:21' },
      { file: 'fanout.go', line: 18, text: 'fanout.go:18' },
    ]);
    // Nothing is lost or doubled: the parts read back as the report.
    expect(parts.map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe(leak);
  });

  it('should tell files apart by their whole name', () => {
    const parts = reportRefs('a.go:1 ba.go:2 a.go:3', ['a.go', 'ba.go']);
    expect(parts.filter((p) => typeof p !== 'string').map((p) => (typeof p === 'string' ? p : `${p.file}@${p.line}`))).toEqual(['a.go@1', 'ba.go@2', 'a.go@3']);
  });

  it('should leave a report without references, or without files, as one text', () => {
    expect(reportRefs('WARNING: DATA RACE', ['x.go'])).toEqual(['WARNING: DATA RACE']);
    expect(reportRefs('x.go:4', [])).toEqual(['x.go:4']);
    expect(reportRefs('', ['x.go'])).toEqual([]);
  });
});
