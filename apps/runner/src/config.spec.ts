import { loadRunnerConfig, RunnerConfigError } from './config';

describe('loadRunnerConfig', () => {
  it('should refuse to start without a Postgres DATABASE_URL, naming every bad setting', () => {
    expect(() => loadRunnerConfig({ JUDGE_CONCURRENCY: '0' }, '/srv')).toThrow(RunnerConfigError);
    expect(() => loadRunnerConfig({ DATABASE_URL: 'mysql://x', JUDGE_CONCURRENCY: '0' }, '/srv')).toThrow(/DATABASE_URL[\s\S]*JUDGE_CONCURRENCY/);
  });

  it('should resolve the data dir against the working directory and give each process its own runner id', () => {
    const a = loadRunnerConfig({ DATABASE_URL: 'postgres://u@h/db' }, '/srv/goprep');
    const b = loadRunnerConfig({ DATABASE_URL: 'postgres://u@h/db' }, '/srv/goprep');
    expect(a.dataDir).toBe('/srv/goprep/.data/judge');
    expect(a.runnerId).not.toBe(b.runnerId);
    expect(a).toMatchObject({ JUDGE_CONCURRENCY: 1, RUNNER_METRICS_PORT: 9464, RUNNER_DEAD_AFTER_MS: 30_000, RUNNER_SKIP_WARM: false });
  });

  it('should keep an explicit runner id and an absolute data dir', () => {
    const c = loadRunnerConfig({ DATABASE_URL: 'postgresql://u@h/db', RUNNER_ID: 'judge-7', JUDGE_DATA_DIR: '/var/lib/judge', RUNNER_SKIP_WARM: '1' }, '/srv');
    expect(c).toMatchObject({ runnerId: 'judge-7', dataDir: '/var/lib/judge', RUNNER_SKIP_WARM: true });
  });
});
