import type { JudgeRunDto, JudgeRunnerDto } from './dto/judge.dto';
import type { JudgeRunRow, RunnerRow } from './judge.repository';

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
