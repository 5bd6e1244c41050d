import {
  canonical,
  enqueue,
  loadQueue,
  queueKey,
  retryDelayMs,
  settle,
  shouldReplay,
  storeQueue,
  type KeyValueStorage,
  type QueuedSave,
} from './retry-queue';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const entry = (over: Partial<QueuedSave> = {}): QueuedSave => ({
  position: 1,
  response: { type: 'single', choice: 'b' },
  flagged: false,
  timeSpentMs: 1000,
  baseRevision: 0,
  editedAt: Date.parse('2026-01-01T10:00:05Z'),
  seq: 1,
  ...over,
});

describe('retry queue', () => {
  it('should keep one entry per item, the newest change', () => {
    let queue = enqueue([], entry({ position: 2, seq: 1 }));
    queue = enqueue(queue, entry({ position: 1, seq: 2 }));
    queue = enqueue(queue, entry({ position: 2, seq: 3, response: { type: 'single', choice: 'c' } }));
    expect(queue.map((e) => [e.position, e.seq])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it('should settle only the change the server confirmed, not a newer one', () => {
    const queue = enqueue([], entry({ seq: 5 }));
    expect(settle(queue, 1, 4)).toEqual(queue);
    expect(settle(queue, 1, 5)).toEqual([]);
  });

  it('should survive a round trip through storage and remove the key when empty', () => {
    const storage = memoryStorage();
    storeQueue(storage, 'a1', [entry()]);
    expect(loadQueue(storage, 'a1')).toEqual([entry()]);
    storeQueue(storage, 'a1', []);
    expect(storage.data[queueKey('a1')]).toBeUndefined();
  });

  it('should ignore unreadable or foreign data in storage', () => {
    expect(loadQueue(memoryStorage({ [queueKey('a1')]: '{not json' }), 'a1')).toEqual([]);
    expect(loadQueue(memoryStorage({ [queueKey('a1')]: '{"position":1}' }), 'a1')).toEqual([]);
    expect(loadQueue(memoryStorage({ [queueKey('a1')]: JSON.stringify([{ position: 'x' }, entry()]) }), 'a1')).toEqual([entry()]);
  });

  it('should not throw when storage refuses to write', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(() => storeQueue(broken, 'a1', [entry()])).not.toThrow();
    expect(loadQueue(broken, 'a1')).toEqual([]);
  });

  it('should compare responses regardless of key order', () => {
    expect(canonical({ type: 'code-lines', lines: [3, 7] })).toBe(canonical({ lines: [3, 7], type: 'code-lines' }));
    expect(canonical({ lines: [3, 7] })).not.toBe(canonical({ lines: [7, 3] }));
  });

  describe('replay after a reload', () => {
    const server = (over: Partial<{ response: unknown; flagged: boolean; timeSpentMs: number; revision: number; savedAt: string }> = {}) => ({
      response: { choice: 'a', type: 'single' },
      flagged: false,
      timeSpentMs: 500,
      revision: 1,
      savedAt: '2026-01-01T10:00:00Z',
      ...over,
    });

    it('should replay a change the server never saw', () => {
      expect(shouldReplay(entry(), null)).toBe(true);
      expect(shouldReplay(entry({ baseRevision: 1 }), server())).toBe(true);
    });

    it('should drop a change the server already holds (the reply was lost)', () => {
      expect(shouldReplay(entry(), server({ response: { choice: 'b', type: 'single' }, timeSpentMs: 1000, revision: 2 }))).toBe(false);
    });

    it('should replay a change made after the server copy was saved', () => {
      expect(shouldReplay(entry({ baseRevision: 0 }), server({ revision: 3, savedAt: '2026-01-01T10:00:01Z' }))).toBe(true);
    });

    it('should drop a change older than a newer save from elsewhere', () => {
      expect(shouldReplay(entry({ baseRevision: 0 }), server({ revision: 3, savedAt: '2026-01-01T10:00:09Z' }))).toBe(false);
    });
  });

  it.each([
    [1, 1000],
    [2, 2000],
    [4, 8000],
    [10, 30_000],
  ])('should wait %d failures -> %d ms before retrying', (failures, ms) => {
    expect(retryDelayMs(failures)).toBe(ms);
  });
});
