import { existsSync } from 'node:fs';
import { runPlayground } from './playground';
import { counterFile, counterTask, openTestSandbox } from './test-support';
import type { Sandbox } from './types';

let sandbox: Sandbox;
// Empty until the sandbox opens, so a failed beforeAll reports its own error and not a second one here.
let workDirs: string[] = [];

beforeAll(async () => {
  ({ sandbox, workDirs } = await openTestSandbox());
}, 900_000);

afterAll(async () => {
  await sandbox?.close();
  for (const dir of workDirs) expect(existsSync(dir)).toBe(false);
});

const RACY = `package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
`;

describe('runPlayground', () => {
  it('should run an edited program under -race and return its output, exit status and race report', async () => {
    const result = await runPlayground(undefined, { 'main.go': RACY }, sandbox);
    expect(result.program?.stdout).toBe('done\n');
    expect(result.program?.exitCode).toBe(66);
    expect(result.raceReport).toMatch(/^WARNING: DATA RACE/);
    expect(result.raceReport).toMatch(/main\.go:\d+/);
    expect(result.verdict).toBe('failed');
    expect(result.message).toMatch(/exit status 66; 1 data race/);
  });

  it('should show a clean program passing with exit status 0', async () => {
    const result = await runPlayground(
      undefined,
      { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Print("hi") }\n' },
      sandbox,
    );
    expect(result).toMatchObject({ verdict: 'passed', program: { stdout: 'hi', stderr: '', exitCode: 0 } });
    expect(result.raceReport).toBeUndefined();
  });

  it('should refuse anything but one main.go', async () => {
    expect((await runPlayground(undefined, { 'a.go': 'package main' }, sandbox)).verdict).toBe('rejected');
  });

  it("should run a code task's edited files against its visible and hidden tests, logs included", async () => {
    const task = counterTask();
    const result = await runPlayground(task, { 'counter.go': counterFile('starter') }, sandbox);
    const names = result.tests.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['TestConcurrentInc', 'TestValueStartsAtZeroHidden']));
    expect(names.length).toBeGreaterThan(Object.keys(task.hiddenTests).length);
    expect(result.verdict).toBe('failed');
    expect(result.program).toBeUndefined();
  });
});
