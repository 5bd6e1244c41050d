import { escapeLines, innermostLine, isBlockedState, mainGoPositions, parseGoroutineDump, parseRaceReports, parseVetJson, raceAccessLines } from './go-output';

const dump = `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan receive (nil chan)]:
main.main()
\t/bank/ch/x/main.go:11 +0x74

goroutine 20 [chan send, 2 minutes]:
main.worker(...)
\t/bank/ch/x/main.go:7
main.main.func1()
\t/bank/ch/x/main.go:15 +0x36
created by main.main in goroutine 1
\t/bank/ch/x/main.go:5 +0x5f

goroutine 21 [sync.WaitGroup.Wait]:
sync.runtime_SemacquireWaitGroup(0xc000012345?, 0x0?)
\t/usr/local/go/src/runtime/sema.go:114 +0x2e
sync.(*WaitGroup).Wait(0xc000012340)
\t/usr/local/go/src/sync/waitgroup.go:206 +0x85
main.main.func2()
\t/bank/ch/x/main.go:20 +0x25
created by main.main in goroutine 1
\t/bank/ch/x/main.go:18 +0x5f
`;

describe('parseGoroutineDump', () => {
  const isMain = (path: string): boolean => path === '/bank/ch/x/main.go';

  it('should read each goroutine header, its wait reason and its frames', () => {
    const goroutines = parseGoroutineDump(dump);
    expect(goroutines.map((goroutine) => [goroutine.id, goroutine.state])).toEqual([
      [1, 'chan receive (nil chan)'],
      [20, 'chan send'],
      [21, 'sync.WaitGroup.Wait'],
    ]);
    expect(goroutines[1]?.frames).toEqual([
      { func: 'main.worker(...)', file: '/bank/ch/x/main.go', line: 7 },
      { func: 'main.main.func1()', file: '/bank/ch/x/main.go', line: 15 },
    ]);
    expect(goroutines[1]?.createdBy).toEqual({ func: 'main.main in goroutine 1', file: '/bank/ch/x/main.go', line: 5 });
  });

  it('should find the innermost main.go frame below library frames and never the creation site', () => {
    const lines = parseGoroutineDump(dump).map((goroutine) => innermostLine(goroutine, isMain));
    expect(lines).toEqual([11, 7, 20]);
    const onlyCreatedBy = parseGoroutineDump('goroutine 5 [select]:\nlib.Run()\n\t/lib/run.go:9 +0x1\ncreated by main.main in goroutine 1\n\t/bank/ch/x/main.go:5 +0x5f\n');
    expect(innermostLine(onlyCreatedBy[0]!, isMain)).toBeUndefined();
  });
});

describe('isBlockedState', () => {
  it.each(['chan send', 'chan receive', 'chan receive (nil chan)', 'select', 'select (no cases)', 'sync.Mutex.Lock', 'sync.WaitGroup.Wait', 'sync.Cond.Wait', 'semacquire', 'IO wait'])(
    'should count %s as blocked',
    (state) => expect(isBlockedState(state)).toBe(true),
  );

  it.each(['sleep', 'running', 'runnable', 'syscall', 'GC worker (idle)', 'finalizer wait'])('should not count %s as blocked', (state) =>
    expect(isBlockedState(state)).toBe(false),
  );
});

describe('race reports', () => {
  const isMain = (path: string): boolean => path === '/bank/mm/x/main.go';
  const simple = `==================
WARNING: DATA RACE
Write at 0x00c00001c0f8 by goroutine 7:
  main.main.func1()
      /bank/mm/x/main.go:9 +0x44

Previous write at 0x00c00001c0f8 by main goroutine:
  main.main()
      /bank/mm/x/main.go:12 +0x88

Goroutine 7 (running) created at:
  main.main()
      /bank/mm/x/main.go:8 +0x7c
==================
2
Found 1 data race(s)
`;

  it('should name the racing accesses, not where the racing goroutine was created', () => {
    const report = raceAccessLines(simple, isMain);
    expect(report.reports).toBe(1);
    expect([...report.lines].sort((a, b) => a - b)).toEqual([9, 12]);
    expect(report.outside).toEqual([]);
  });

  // Two reports of one run: an access made inside a library (the map runtime, sync.Once) counts at
  // its innermost main.go frame, and the callers below it (call sites) do not count at all.
  const nested = `==================
WARNING: DATA RACE
Read at 0x00c000014090 by goroutine 8:
  main.get()
      /bank/mm/x/main.go:17 +0x2e
  main.main.func1()
      /bank/mm/x/main.go:28 +0x1d
  sync.(*WaitGroup).Go.func1()
      /usr/local/go/src/sync/waitgroup.go:239 +0x5d

Previous write at 0x00c000014090 by main goroutine:
  main.get.func1()
      /bank/mm/x/main.go:20 +0x6a
  sync.(*Once).doSlow()
      /usr/local/go/src/sync/once.go:78 +0xe1
  sync.(*Once).Do()
      /usr/local/go/src/sync/once.go:69 +0x44
  main.get()
      /bank/mm/x/main.go:18 +0x44
  main.main()
      /bank/mm/x/main.go:29 +0x7c

Goroutine 8 (running) created at:
  sync.(*WaitGroup).Go()
      /usr/local/go/src/sync/waitgroup.go:237 +0x73
  main.main()
      /bank/mm/x/main.go:28 +0x64
==================
==================
WARNING: DATA RACE
Atomic write at 0x00c0000b4010 by goroutine 9:
  runtime.mapassign_faststr()
      /usr/local/go/src/internal/runtime/maps/runtime_faststr.go:263 +0x0
  main.main.func2()
      /bank/mm/x/main.go:33 +0x9a

Previous read at 0x00c0000b4010 by goroutine 10:
  runtime.goexit()
      /usr/local/go/src/runtime/asm_amd64.s:1700 +0x1

Goroutine 9 (running) created at:
  main.main()
      /bank/mm/x/main.go:31 +0x64
==================
`;

  it('should read every access header and its stack', () => {
    const reports = parseRaceReports(nested);
    expect(reports.map((report) => report.accesses.map((access) => [access.access, access.by, access.frames.length]))).toEqual([
      [
        ['Read', 'goroutine 8', 3],
        ['Previous write', 'main goroutine', 5],
      ],
      [
        ['Atomic write', 'goroutine 9', 2],
        ['Previous read', 'goroutine 10', 1],
      ],
    ]);
    expect(reports[0]?.accesses[1]?.frames[0]).toEqual({ func: 'main.get.func1()', file: '/bank/mm/x/main.go', line: 20 });
  });

  it('should take the innermost main.go frame of each access and list accesses with none', () => {
    const report = raceAccessLines(nested, isMain);
    expect(report.reports).toBe(2);
    expect([...report.lines].sort((a, b) => a - b)).toEqual([17, 20, 33]);
    expect(report.outside).toEqual(['Previous read in runtime.goexit /usr/local/go/src/runtime/asm_amd64.s:1700']);
  });
});

describe('compiler output', () => {
  it('should read main.go positions with any directory prefix', () => {
    const output = '# goprep.dev/bank/sync/x\nsync/x/main.go:8:2: declared and not used: copied\n./main.go:12:1: other\n';
    expect([...mainGoPositions(output)]).toEqual([8, 12]);
  });

  it('should keep only escaping lines of main.go from -gcflags=-m output', () => {
    const output = [
      'esc/x/main.go:6:6: can inline newPoint',
      'esc/x/main.go:7:2: moved to heap: p',
      'esc/x/main.go:12:13: ... argument does not escape',
      'esc/x/main.go:14:14: s escapes to heap',
      'other/lib.go:3:3: x escapes to heap',
    ].join('\n');
    expect([...escapeLines(output).entries()]).toEqual([
      [7, ['moved to heap: p']],
      [14, ['s escapes to heap']],
    ]);
  });

  it('should read analyzers and positions from go vet -json', () => {
    const output = `# goprep.dev/bank/ctx/x
{
\t"goprep.dev/bank/ctx/x": {
\t\t"lostcancel": [
\t\t\t{
\t\t\t\t"posn": "/bank/ctx/x/main.go:11:7",
\t\t\t\t"end": "/bank/ctx/x/main.go:11:8",
\t\t\t\t"message": "the cancel function returned by context.WithTimeout should be called, not discarded {braces}"
\t\t\t}
\t\t]
\t}
}
`;
    expect(parseVetJson(output)).toEqual([
      {
        analyzer: 'lostcancel',
        file: '/bank/ctx/x/main.go',
        line: 11,
        message: 'the cancel function returned by context.WithTimeout should be called, not discarded {braces}',
      },
    ]);
  });
});
