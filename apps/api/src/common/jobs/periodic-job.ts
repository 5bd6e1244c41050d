import type { Logger } from '@nestjs/common';

export interface PeriodicJobOptions<T> {
  /** Milliseconds between rounds; 0 or less never starts the timer. */
  intervalMs: number;
  logger: Logger;
  /** One round. */
  run: () => Promise<T>;
  /** A round is skipped while this is false (e.g. the database is not connected yet). */
  ready?: () => boolean;
  /** Logs a round's result, if it is worth a line. */
  report?: (result: T) => void;
  /** Logged with the error when a round throws; the next round runs as usual. */
  failureMessage: string;
}

/**
 * A background job run on a timer by every API instance: rounds never overlap in one process (a
 * tick while the previous round is still running is dropped), the timer does not keep the process
 * alive, and stop() waits for the round in progress.
 */
export class PeriodicJob<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly options: PeriodicJobOptions<T>) {}

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    const { run, ready, report, logger, failureMessage } = this.options;
    if (this.running || (ready && !ready())) return;
    this.running = run()
      .then((result) => report?.(result))
      .catch((error: unknown) => logger.warn({ err: error }, failureMessage))
      .finally(() => {
        this.running = undefined;
      });
  }
}
