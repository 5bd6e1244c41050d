import type { DataSource } from 'typeorm';
import type { AppConfigService } from '../../config/app-config.service';
import type { AttemptFinalizer } from './attempt-finalizer.service';
import { AttemptSweepService } from './attempt-sweep.service';
import { Clock } from './clock';

function service(intervalMs: number, initialized = true) {
  const transaction = jest.fn(async (fn: (tx: { query: () => Promise<unknown[]> }) => Promise<number>) => fn({ query: async () => [] }));
  const db = { isInitialized: initialized, transaction } as unknown as DataSource;
  const config = { get: (key: string) => (key === 'ATTEMPT_SWEEP_INTERVAL_MS' ? intervalMs : 2000) } as unknown as AppConfigService;
  return { sweep: new AttemptSweepService(db, {} as AttemptFinalizer, config, new Clock()), transaction };
}

describe('AttemptSweepService scheduling', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should sweep on every interval once the app has started', async () => {
    const { sweep, transaction } = service(1000);
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3500);
    expect(transaction).toHaveBeenCalledTimes(3);
    await sweep.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(5000);
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it('should never sweep when the interval is 0', async () => {
    const { sweep, transaction } = service(0);
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('should skip rounds while the database is not connected', async () => {
    const { sweep, transaction } = service(1000, false);
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5000);
    expect(transaction).not.toHaveBeenCalled();
    await sweep.onModuleDestroy();
  });
});
