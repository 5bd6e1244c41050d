import type { JudgeRunDto, JudgeRunnerDto, ReviewJudgeDto } from './dto/judge.dto';
import type { FinalRunRow, JudgeRunRow, RunnerRow } from './judge.repository';

/**
 * A run as its owner sees it. Hidden-mode runs judge the hidden tests: their names and pass/fail
 * are shown, their logs are not (a test's log can quote the hidden test's expectations).
 */
export function mapJudgeRun(row: JudgeRunRow): JudgeRunDto {
  const hidden = row.mode === 'hidden';
  return {
    id: row.id,
    questionId: row.question_id,
    version: row.version,
    mode: row.mode,
    state: row.state,
    verdict: row.verdict,
    score: row.score,
    tests: (row.tests ?? []).map((t) => (hidden || t.output === undefined ? { name: t.name, passed: t.passed } : { name: t.name, passed: t.passed, output: t.output })),
    raceReport: hidden ? null : row.race_report,
    leakReport: hidden ? null : row.leak_report,
    compileOutput: row.compile_output,
    message: row.message,
    codeHash: row.code_hash,
    files: row.files,
    queuedAt: row.queued_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.duration_ms,
    program: row.program ?? null,
  };
}

export function mapRunner(row: RunnerRow): JudgeRunnerDto {
  return {
    runnerId: row.runner_id,
    hostname: row.hostname,
    state: row.state,
    warmDone: row.warm_done,
    warmTotal: row.warm_total,
    jobsDone: row.jobs_done,
    message: row.message,
    startedAt: row.started_at.toISOString(),
    heartbeatAt: row.heartbeat_at.toISOString(),
  };
}

/**
 * A code task in a review: the final run (or `none` when nothing was judged: no code was saved),
 * and the key material the caller was allowed to ask for. Test logs never: they can quote the
 * hidden tests' expectations, and the hidden tests themselves are a separate permission.
 */
export function mapReviewJudge(
  run: FinalRunRow | undefined,
  keys: { hidden_tests: Record<string, string>; solution: Record<string, string> | null } | undefined,
  show: { hiddenTests: boolean; solution: boolean },
): ReviewJudgeDto {
  return {
    state: run?.state ?? 'none',
    verdict: run?.verdict ?? null,
    score: run?.score ?? null,
    tests: (run?.tests ?? []).map((t) => ({ name: t.name, passed: t.passed })),
    raceReport: run?.race_report ?? null,
    leakReport: run?.leak_report ?? null,
    compileOutput: run?.compile_output ?? null,
    message: run?.message ?? null,
    ...(show.hiddenTests && keys ? { hiddenTests: { ...keys.hidden_tests } } : {}),
    ...(show.solution && keys?.solution ? { solution: { ...keys.solution } } : {}),
  };
}
