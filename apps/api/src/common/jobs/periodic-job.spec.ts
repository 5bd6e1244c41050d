import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';

function job(intervalMs: number, run: () => Promise<number>, ready = () => true) {
  const logger = new Logger('PeriodicJobSpec');
  const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  const reported: number[] = [];
  const periodic = new PeriodicJob({ intervalMs, logger, run, ready, report: (n) => reported.push(n), failureMessage: 'round failed' });
  return { periodic, warn, reported };
}

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should run a round on every interval and report its result until stopped', async () => {
    let n = 0;
    const { periodic, reported } = job(1000, async () => ++n);
    periodic.start();
    await jest.advanceTimersByTimeAsync(3500);
    expect(reported).toEqual([1, 2, 3]);
    await periodic.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(reported).toEqual([1, 2, 3]);
  });

  it('should never run when the interval is 0', async () => {
    const run = jest.fn(async () => 1);
    const { periodic } = job(0, run);
    periodic.start();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(run).not.toHaveBeenCalled();
  });

  it('should skip rounds while not ready', async () => {
    let ready = false;
    const run = jest.fn(async () => 1);
    const { periodic } = job(1000, run, () => ready);
    periodic.start();
    await jest.advanceTimersByTimeAsync(2500);
    expect(run).not.toHaveBeenCalled();
    ready = true;
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
    await periodic.stop();
  });

  it('should not start a round while the previous one is still running, and stop should wait for it', async () => {
    let finish: (() => void) | undefined;
    const run = jest.fn(() => new Promise<number>((resolve) => (finish = () => resolve(7))));
    const { periodic, reported } = job(1000, run);
    periodic.start();
    await jest.advanceTimersByTimeAsync(4500);
    expect(run).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish?.();
    await stopping;
    expect(reported).toEqual([7]);
  });

  it('should log a failed round and run the next one as usual', async () => {
    let calls = 0;
    const boom = new Error('boom');
    const { periodic, warn, reported } = job(1000, async () => {
      calls += 1;
      if (calls === 1) throw boom;
      return calls;
    });
    periodic.start();
    await jest.advanceTimersByTimeAsync(2500);
    expect(warn).toHaveBeenCalledWith({ err: boom }, 'round failed');
    expect(reported).toEqual([2]);
    await periodic.stop();
  });
});
