import { randomUuid } from '@/lib/random-uuid';
import { addSignal, loadSignals, requeue, signalRetryDelayMs, takeBatch, type SignalEvent } from './signals';

export type SignalSenderOptions = {
  send: (batch: SignalEvent[]) => Promise<void>;
  /** Where the unsent queue survives a reload (sessionStorage/localStorage); none keeps it in memory. */
  store?: Pick<Storage, 'getItem' | 'setItem'> | null;
  storageKey: string;
  /** Quiet time after an event before a batch goes (events come in bursts). */
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** A request the server will never take (4xx other than 408/429): drop the batch instead of retrying. */
  isPermanent?: (error: unknown) => boolean;
  /** The id given to each recorded event (default: a random UUID). */
  newId?: () => string;
};

/**
 * Sends recorded signals in batches without ever blocking the page: one request at a time,
 * failures put the batch back and retry with backoff, and the queue is persisted so a reload
 * sends what the previous page could not. A batch stays in storage until its reply arrives, so a
 * batch the server took may be sent again (its reply lost to a reload or the network): every event
 * gets an id when recorded, and the server records each id once.
 */
export class SignalSender {
  private queue: SignalEvent[];
  private timer: unknown = null;
  private sending = false;
  private failures = 0;
  private stopped = false;
  private readonly o: Required<Omit<SignalSenderOptions, 'store'>> & { store: SignalSenderOptions['store'] };

  constructor(options: SignalSenderOptions) {
    this.o = {
      debounceMs: 2000,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      isPermanent: () => false,
      newId: randomUuid,
      ...options,
      store: options.store ?? null,
    };
    this.queue = this.o.store ? loadSignals(this.o.store, this.o.storageKey) : [];
    if (this.queue.length) this.schedule(0);
  }

  get pending(): number {
    return this.queue.length;
  }

  record(event: SignalEvent): void {
    if (this.stopped) return;
    this.queue = addSignal(this.queue, event.id === undefined ? { ...event, id: this.o.newId() } : event);
    this.persist();
    if (!this.sending) this.schedule(this.o.debounceMs);
  }

  /** Sends everything now (e.g. before submitting); resolves when the queue is empty or a send failed. */
  async flush(): Promise<void> {
    this.cancel();
    while (this.queue.length && !this.sending && !this.stopped) {
      if (!(await this.sendOne())) return;
    }
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private persist(): void {
    try {
      this.o.store?.setItem(this.o.storageKey, JSON.stringify(this.queue));
    } catch {
      // Storage full or blocked: the queue still lives in memory.
    }
  }

  private async sendOne(): Promise<boolean> {
    const { batch, rest } = takeBatch(this.queue);
    this.queue = rest;
    this.sending = true;
    try {
      await this.o.send(batch);
      this.failures = 0;
      return true;
    } catch (error) {
      if (!this.o.isPermanent(error)) {
        this.queue = requeue(batch, this.queue);
        this.failures += 1;
        this.schedule(signalRetryDelayMs(this.failures));
        return false;
      }
      return true;
    } finally {
      this.sending = false;
      this.persist();
    }
  }
}
