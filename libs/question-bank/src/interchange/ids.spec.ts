import { deriveId, kebab } from './ids';

describe('kebab', () => {
  it.each([
    ['Receive from a nil Channel!', 'receive-from-a-nil-channel'],
    ['  GOGC=off & GOMEMLIMIT ', 'gogc-off-gomemlimit'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['sync.Mutex', 'sync-mutex'],
    ['世界', ''],
  ])('should turn %j into %j', (input, expected) => {
    expect(kebab(input)).toBe(expected);
  });
});

describe('deriveId', () => {
  it('should prefix the topic once', () => {
    expect(deriveId('channels', ['Nil receive'], new Set())).toBe('ch-nil-receive');
    expect(deriveId('channels', ['ch-nil-receive'], new Set())).toBe('ch-nil-receive');
  });
  it('should fall back to the next candidate, then to "imported"', () => {
    expect(deriveId('sync', [undefined, '世界', 'Once'], new Set())).toBe('sync-once');
    expect(deriveId('sync', ['世界'], new Set())).toBe('sync-imported');
  });
  it('should number ids already taken', () => {
    const taken = new Set<string>();
    expect([deriveId('pprof', ['Heap'], taken), deriveId('pprof', ['Heap'], taken), deriveId('pprof', ['heap'], taken)]).toEqual([
      'pp-heap',
      'pp-heap-2',
      'pp-heap-3',
    ]);
  });
  it('should cut long titles at a word boundary within 80 characters', () => {
    const id = deriveId('kubernetes', ['word '.repeat(40)], new Set());
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/^k8s-(word-)*word$/);
  });
});
