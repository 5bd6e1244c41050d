import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface JestJson {
  numTotalTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

const ROOT = join(__dirname, '..', '..');
// The workers colour their messages like a terminal's (jest-light-runner hands them the parent's colour level).
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Runs the fixture suites through the API e2e suite's runner and setup, as `npx jest` would. */
function runFixtures(args: string[]): { results: Map<string, { status: string; message: string }>; afterAllRuns: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'light-runner-'));
  try {
    const out = join(dir, 'result.json');
    const afterAllLog = join(dir, 'after-all.log');
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '-c', join(__dirname, 'fixtures/jest.config.cjs'), '--json', '--outputFile', out, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      // The runner picks the fixtures' tsconfig (paths, decorators) when nothing names another.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'SWC_NODE_PROJECT')), GOPREP_FIXTURE_AFTER_ALL_LOG: afterAllLog },
      timeout: 60_000,
    });
    if (run.error) throw run.error;
    const json = JSON.parse(readFileSync(out, 'utf8')) as JestJson;
    const byTitle = new Map<string, { status: string; message: string }>();
    for (const file of json.testResults) for (const t of file.assertionResults) byTitle.set(t.title, { status: t.status, message: t.failureMessages.join('\n').replace(ANSI_COLOUR, '') });
    const afterAllRuns = existsSync(afterAllLog) ? readFileSync(afterAllLog, 'utf8').split('\n').filter(Boolean) : [];
    return { results: byTitle, afterAllRuns };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  ['worker threads', ['--maxWorkers', '2']],
  ['the main thread (-i)', ['-i']],
])('the light runner in %s', (_how, args) => {
  let results: Map<string, { status: string; message: string }>;
  let afterAllRuns: string[];
  beforeAll(() => {
    ({ results, afterAllRuns } = runFixtures(args));
  }, 60_000);

  const outcome = (title: string) => results.get(title) ?? { status: 'missing', message: '' };

  it('should fail a test that runs past its own timeout or the config testTimeout, and not hang', () => {
    expect(outcome('hangs past its own timeout')).toEqual({ status: 'failed', message: expect.stringContaining('Exceeded timeout of 150 ms') });
    expect(outcome('hangs past the config timeout')).toEqual({ status: 'failed', message: expect.stringContaining('Exceeded timeout of 400 ms') });
    expect(outcome('hangs past its own timeout, row 1')).toEqual({ status: 'failed', message: expect.stringContaining('Exceeded timeout of 100 ms') });
    expect(outcome('hangs past its own timeout, row 2').status).toBe('failed');
  });

  it('should run done-style tests and fail on the error passed to done', () => {
    expect(outcome('finishes in time, done-style').status).toBe('passed');
    expect(outcome('reports a done-style error')).toEqual({ status: 'failed', message: expect.stringContaining('boom') });
  });

  it('should fail a hook that runs past its timeout', () => {
    const hook = [...results.entries()].find(([title]) => title.includes('beforeAll'));
    expect(hook?.[1]).toEqual({ status: 'failed', message: expect.stringContaining('Exceeded timeout of 150 ms') });
  });

  it('should check expect.assertions and expect.hasAssertions per test', () => {
    expect(outcome('expects two and makes one')).toEqual({ status: 'failed', message: expect.stringContaining('Expected two assertions to be called but received one assertion call') });
    expect(outcome('expects some and makes none')).toEqual({ status: 'failed', message: expect.stringContaining('Expected at least one assertion to be called but received none') });
    expect(outcome('expects one and makes one').status).toBe('passed');
    expect(outcome('counts each test on its own').status).toBe('passed');
  });

  it('should run the setupFilesAfterEnv hooks after every test file, as Jest does', () => {
    // Three fixture files, at most two workers: a worker runs a second file after the state reset.
    expect([...afterAllRuns].sort()).toEqual(['assertions.fixture.ts', 'timeouts.fixture.ts', 'typescript.fixture.ts']);
  });

  it('should compile TypeScript with decorator metadata and the tsconfig paths', () => {
    expect(outcome('emits decorator metadata and resolves the tsconfig paths')).toEqual({ status: 'passed', message: '' });
  });
});
