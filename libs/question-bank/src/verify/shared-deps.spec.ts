import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../go/exec';
import { findGo, goEnv } from '../go/toolchain';
import { loadBank } from '../parse/load-bank';
import { buildSharedDependencies, sharedBuildPlan } from './shared-deps';
import { programDirOf } from './verify-bank';

/*
 * The shared build runs the real go command against an empty build cache of its own, then checks
 * with `go build -x` that a question's build compiles nothing but its own main package.
 */
jest.setTimeout(600_000);

const fixture = join(__dirname, '..', '__fixtures__', 'verify-bank');

describe('sharedBuildPlan', () => {
  it('should split the programs by how their checks build them', () => {
    const bank = loadBank(fixture);
    const plan = sharedBuildPlan(fixture, bank.questions.map((question) => ({ question, programDir: programDirOf(fixture, question) })));
    expect(plan.race).toEqual([
      './memory-model/mm-race-call-sites',
      './memory-model/mm-race-fail',
      './memory-model/mm-race-missing-line',
      './memory-model/mm-race-pass',
      './memory-model/mm-race-pass/fixed',
    ]);
    expect(plan.plain).toContain('./channels/ch-output-pass');
    expect(plan.plain).toContain('./goroutine-leaks/gl-leak-pass');
    expect(plan.plain.some((pkg) => pkg.startsWith('./memory-model/'))).toBe(false);
  });
});

describe('buildSharedDependencies with the real Go toolchain', () => {
  let bankDir: string;
  let cacheDir: string;
  const savedCache = process.env['GOCACHE'];

  beforeAll(() => {
    bankDir = mkdtempSync(join(tmpdir(), 'goprep-shared-deps-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'goprep-gocache-'));
    cpSync(fixture, bankDir, { recursive: true });
    process.env['GOCACHE'] = cacheDir;
  });
  afterAll(() => {
    if (savedCache === undefined) delete process.env['GOCACHE'];
    else process.env['GOCACHE'] = savedCache;
    // The cache's files are read-only by design.
    for (const dir of [bankDir, cacheDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Packages `go build -x` compiled (its `compile ... -p <package>` commands). */
  async function compiledBy(args: string[]): Promise<string[]> {
    const go = await findGo();
    const result = await run(go.go, ['build', '-x', '-o', join(cacheDir, 'out'), ...args], { cwd: bankDir, env: goEnv() });
    expect(result.exitCode).toBe(0);
    return [...result.stderr.matchAll(/\/compile .*? -p (\S+) /g)].map((match) => match[1] ?? '');
  }

  it('should leave a question only its own package to compile, plainly and with -race', async () => {
    const go = await findGo();
    const steps = await buildSharedDependencies(go, bankDir, { plain: ['./channels/ch-output-pass'], race: ['./memory-model/mm-race-pass'] });
    expect(steps.map((step) => [step.step, step.failed])).toEqual([
      ['go list (plain programs)', undefined],
      ['go list (race programs)', undefined],
      ['go build', undefined],
      ['go build -race', undefined],
    ]);
    expect(await compiledBy(['./channels/ch-output-pass'])).toEqual(['main']);
    expect(await compiledBy(['-race', './memory-model/mm-race-pass'])).toEqual(['main']);
  });
});
