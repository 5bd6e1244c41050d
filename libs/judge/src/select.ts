/** Tests run without -race because the race detector changes allocation counts (docs/question-format.md). */
export const isAllocsTest = (name: string): boolean => name.startsWith('TestAllocs');

/** An anchored alternation of exact test names for `-test.run` / `-test.skip` (names are Go identifiers: no metacharacters). */
export function exactNames(names: readonly string[]): string {
  for (const name of names)
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new Error(`not a test name: ${JSON.stringify(name)}`);
  return `^(${names.join('|')})$`;
}

export interface TestBinaries {
  /** Whether the main binary is built with -race. */
  race: boolean;
  /** Flags selecting the main binary's tests. */
  main: string[];
  /** Flags selecting the allocation tests' binary (built without -race), when there is one. */
  allocs?: string[];
}

/**
 * Which binary runs which of the parsed test names. Every selection names the tests exactly, as
 * the harness parsed them from the task's test files: nothing runs by a name pattern, so a test
 * the judge did not parse (and has no record of) is never run and an allocation test is never
 * picked up twice or missed because another name shares its prefix.
 */
export function selectTests(tests: readonly string[], race: boolean): TestBinaries {
  const allocs = tests.filter(isAllocsTest);
  const others = tests.filter((name) => !isAllocsTest(name));
  const raceRun = race && others.length > 0;
  if (raceRun && allocs.length > 0) {
    return { race: true, main: [`-test.run=${exactNames(others)}`], allocs: [`-test.run=${exactNames(allocs)}`] };
  }
  return { race: raceRun, main: tests.length > 0 ? [`-test.run=${exactNames(tests)}`] : [] };
}
