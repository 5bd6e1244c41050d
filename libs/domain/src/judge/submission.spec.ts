import fc from 'fast-check';
import { SUBMISSION_LIMITS, submissionProblems, utf8Length } from './submission';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['package main', 12],
    ['é', 2],
    ['中文', 6],
    ['😀', 4],
    ['\ud83d', 3],
    ['\ude00x', 4],
    ['a\ud83d', 4],
  ])('should count %j as %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  it('should agree with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => utf8Length(text) === new TextEncoder().encode(text).length),
      { numRuns: 2000 },
    );
  });
});

describe('submissionProblems', () => {
  const expected = ['cache.go', 'lru.go'];

  it('should accept exactly the editable files within the limits', () => {
    expect(submissionProblems({ 'cache.go': 'package cache\n', 'lru.go': '' }, expected)).toEqual([]);
  });

  it('should name missing and extra files, the extra ones at most five', () => {
    const files: Record<string, unknown> = { 'cache.go': 'x' };
    for (let i = 0; i < 7; i++) files[`x${i}.go`] = 'x';
    expect(submissionProblems(files, expected)).toEqual(['missing file(s): lru.go', 'not an editable file of this task: x0.go, x1.go, x2.go, x3.go, x4.go']);
  });

  it('should refuse a file that is not a string, and go on checking the others', () => {
    expect(submissionProblems({ 'cache.go': 42, 'lru.go': 'x'.repeat(SUBMISSION_LIMITS.fileBytes + 1) }, expected)).toEqual([
      'cache.go: must be a string',
      `lru.go: larger than ${SUBMISSION_LIMITS.fileBytes} bytes`,
    ]);
  });

  it('should count bytes, not characters, against the per-file limit', () => {
    const atLimit = '中'.repeat(SUBMISSION_LIMITS.fileBytes / 4) + 'x'.repeat(SUBMISSION_LIMITS.fileBytes / 4);
    expect(utf8Length(atLimit)).toBe(SUBMISSION_LIMITS.fileBytes);
    expect(submissionProblems({ 'cache.go': atLimit, 'lru.go': '' }, expected)).toEqual([]);
    expect(submissionProblems({ 'cache.go': `${atLimit}é`, 'lru.go': '' }, expected)).toEqual([`cache.go: larger than ${SUBMISSION_LIMITS.fileBytes} bytes`]);
  });

  it('should refuse files within the per-file limit that exceed the total', () => {
    const half = 'x'.repeat(SUBMISSION_LIMITS.totalBytes / 2);
    expect(submissionProblems({ 'cache.go': half, 'lru.go': half }, expected)).toEqual([]);
    // Three files of a task that has three, one byte over in all.
    const three = ['a.go', 'b.go', 'c.go'];
    const files = { 'a.go': half, 'b.go': half, 'c.go': 'x' };
    expect(half.length).toBeLessThanOrEqual(SUBMISSION_LIMITS.fileBytes);
    expect(submissionProblems(files, three)).toEqual([`files larger than ${SUBMISSION_LIMITS.totalBytes} bytes in all`]);
  });

  it('should refuse more files than the limit even when the task names them all', () => {
    const names = Array.from({ length: SUBMISSION_LIMITS.files + 1 }, (_, i) => `f${i}.go`);
    const files = Object.fromEntries(names.map((n) => [n, 'package f\n']));
    expect(submissionProblems(files, names)).toEqual([`at most ${SUBMISSION_LIMITS.files} files`]);
  });

  it('should not take an inherited property for a submitted file', () => {
    expect(submissionProblems({ 'cache.go': 'x' }, ['cache.go', 'constructor'])).toEqual(['missing file(s): constructor']);
  });

  it('should accept a submission exactly when every file is expected, present, a string, and within the limits', () => {
    const name = fc.constantFrom<string>('a.go', 'b.go', 'c.go', 'd.go');
    const source = fc.oneof(fc.string({ maxLength: 40 }), fc.constant('y'.repeat(SUBMISSION_LIMITS.fileBytes + 1)), fc.constant(7));
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 4 }), fc.dictionary(name, source, { maxKeys: 4 }), (wanted, files) => {
        const ok =
          wanted.every((n) => Object.hasOwn(files, n)) &&
          Object.keys(files).every((n) => wanted.includes(n)) &&
          Object.values(files).every((s) => typeof s === 'string' && new TextEncoder().encode(s).length <= SUBMISSION_LIMITS.fileBytes);
        return (submissionProblems(files, wanted).length === 0) === ok;
      }),
    );
  });
});
