/** Turning the Go tools' output into what a learner reads: paths of the work dir removed. */

const WORK_PREFIX = /(?:\/work\/src\/|\.\/)(?=[A-Za-z0-9_]+\.go:\d+)/g;

export function stripWorkPaths(text: string): string {
  return text.replace(WORK_PREFIX, '');
}

/** The `WARNING: DATA RACE` blocks of a -race run, each between its `==================` rules. */
export function extractRaceReports(output: string): string[] {
  const reports: string[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] !== 'WARNING: DATA RACE') continue;
    const block: string[] = [];
    for (let j = i; j < lines.length && lines[j] !== '=================='; j += 1) block.push(lines[j] ?? '');
    reports.push(stripWorkPaths(block.join('\n')).trimEnd());
  }
  return reports;
}

/** file:line of the submission's own frames in a report (e.g. `cache.go:14`), in order, unique. */
export function submissionLines(report: string, files: readonly string[]): string[] {
  const found: string[] = [];
  for (const match of report.matchAll(/([A-Za-z0-9_]+\.go):(\d+)/g)) {
    const where = `${match[1]}:${match[2]}`;
    if (files.includes(match[1] ?? '') && !found.includes(where)) found.push(where);
  }
  return found;
}

/** Splits a `-test.v` log into each top-level test's lines (display only: the program controls its output). */
export function splitTestOutput(stdout: string, cap = 8 * 1024): Map<string, string> {
  const byTest = new Map<string, string>();
  let current: string | undefined;
  for (const line of stdout.split('\n')) {
    const run = /^=== (?:RUN|CONT|PAUSE|NAME)\s+([^/\s]+)/.exec(line);
    if (run) current = run[1];
    if (current === undefined) continue;
    const previous = byTest.get(current) ?? '';
    if (previous.length < cap) byTest.set(current, (previous + line + '\n').slice(0, cap));
  }
  return byTest;
}
