import { SignalSender } from './signal-sender';
import { AwayTracker, MAX_QUEUED, addSignal, loadSignals, requeue, signalRetryDelayMs, takeBatch, type SignalEvent } from './signals';

const paste = (n: number): SignalEvent => ({ kind: 'paste', position: n, chars: 10, at: `2026-01-01T00:00:0${n % 10}Z` });
/** Ids e1, e2 ... in the order the sender gives them out. */
const counter = () => {
  let n = 0;
  return () => `e${++n}`;
};
const withId = (event: SignalEvent, id: string): SignalEvent => ({ ...event, id });

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

describe('signal queue', () => {
  it('should drop the oldest events once the cap is reached', () => {
    let q: SignalEvent[] = [];
    for (let i = 0; i < 5; i++) q = addSignal(q, paste(i), 3);
    expect(q.map((e) => (e.kind === 'paste' ? e.position : -1))).toEqual([2, 3, 4]);
  });

  it('should take a batch from the front and put a failed one back in front of newer events', () => {
    const q = [paste(1), paste(2), paste(3)];
    const { batch, rest } = takeBatch(q, 2);
    expect(batch).toEqual([paste(1), paste(2)]);
    expect(rest).toEqual([paste(3)]);
    expect(requeue(batch, [...rest, paste(4)])).toEqual([paste(1), paste(2), paste(3), paste(4)]);
    expect(requeue(batch, rest, 2)).toEqual([paste(2), paste(3)]);
  });

  it('should back off from 2 s doubling up to a minute', () => {
    expect([1, 2, 3, 6, 7, 20].map(signalRetryDelayMs)).toEqual([2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it('should ignore stored garbage and keep valid stored events', () => {
    const store = new MemoryStore();
    store.setItem('k', JSON.stringify([paste(1), { kind: 'blur', at: 'x', durationMs: 5, id: 'e1' }, { kind: 'nope' }, 3, { ...paste(2), id: 7 }]));
    expect(loadSignals(store, 'k')).toEqual([paste(1), { kind: 'blur', at: 'x', durationMs: 5, id: 'e1' }]);
    store.setItem('k', '{not json');
    expect(loadSignals(store, 'k')).toEqual([]);
  });
});

describe('AwayTracker', () => {
  it('should measure one span from the first leave to the return', () => {
    const tracker = new AwayTracker('hidden');
    expect(tracker.back(10)).toBeNull();
    tracker.leave(1000, 'T1');
    tracker.leave(1500, 'T2');
    expect(tracker.away).toBe(true);
    expect(tracker.back(4250)).toEqual({ kind: 'hidden', at: 'T1', durationMs: 3250 });
    expect(tracker.away).toBe(false);
    expect(tracker.back(5000)).toBeNull();
  });
});

describe('SignalSender', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should send recorded events in one batch after a quiet period', async () => {
    const sent: SignalEvent[][] = [];
    const sender = new SignalSender({ storageKey: 'k', send: async (b) => void sent.push(b), debounceMs: 1000, newId: counter() });
    sender.record(paste(1));
    sender.record(paste(2));
    await jest.advanceTimersByTimeAsync(999);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[withId(paste(1), 'e1'), withId(paste(2), 'e2')]]);
    expect(sender.pending).toBe(0);
  });

  it('should keep a failed batch, retry it later and keep the order with newer events', async () => {
    const sent: SignalEvent[][] = [];
    let fail = true;
    const sender = new SignalSender({
      storageKey: 'k',
      debounceMs: 0,
      newId: counter(),
      send: async (b) => {
        if (fail) throw new Error('offline');
        sent.push(b);
      },
    });
    sender.record(paste(1));
    await jest.advanceTimersByTimeAsync(0);
    expect(sender.pending).toBe(1);
    sender.record(paste(2));
    fail = false;
    await jest.advanceTimersByTimeAsync(2000);
    expect(sent.flat()).toEqual([withId(paste(1), 'e1'), withId(paste(2), 'e2')]);
    expect(sender.pending).toBe(0);
  });

  it('should drop a batch the server refuses for good', async () => {
    const calls: number[] = [];
    const sender = new SignalSender({
      storageKey: 'k',
      debounceMs: 0,
      isPermanent: () => true,
      send: async (b) => {
        calls.push(b.length);
        throw new Error('400');
      },
    });
    sender.record(paste(1));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([1]);
    expect(sender.pending).toBe(0);
  });

  it('should persist what is unsent and send it from the next page', async () => {
    const store = new MemoryStore();
    const first = new SignalSender({ storageKey: 'k', store, debounceMs: 5000, send: async () => undefined, newId: counter() });
    first.record(paste(1));
    first.stop();
    const sent: SignalEvent[][] = [];
    new SignalSender({ storageKey: 'k', store, send: async (b) => void sent.push(b), newId: () => 'never' });
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([[withId(paste(1), 'e1')]]);
    expect(JSON.parse(store.getItem('k')!)).toEqual([]);
  });

  it('should send a batch again with the ids it had when its reply was lost to a reload', async () => {
    const store = new MemoryStore();
    const sent: SignalEvent[][] = [];
    // The first page's request reaches the server, but the page goes before the reply comes.
    const first = new SignalSender({ storageKey: 'k', store, debounceMs: 0, newId: counter(), send: (b) => (sent.push(b), new Promise<void>(() => undefined)) });
    first.record(paste(1));
    first.record({ kind: 'blur', at: 'T', durationMs: 5 });
    await jest.advanceTimersByTimeAsync(0);
    first.stop();
    new SignalSender({ storageKey: 'k', store, send: async (b) => void sent.push(b), newId: () => 'never' });
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[1]!.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('should give every event a distinct random UUID by default', () => {
    const store = new MemoryStore();
    const sender = new SignalSender({ storageKey: 'k', debounceMs: 10_000, store, send: async () => undefined });
    sender.record(paste(1));
    sender.record(paste(2));
    sender.stop();
    const ids = (JSON.parse(store.getItem('k')!) as SignalEvent[]).map((e) => e.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('should cap the queue while the network is down', async () => {
    const sender = new SignalSender({ storageKey: 'k', debounceMs: 10_000, send: async () => undefined });
    for (let i = 0; i < MAX_QUEUED + 20; i++) sender.record(paste(i));
    expect(sender.pending).toBe(MAX_QUEUED);
    sender.stop();
  });
});
