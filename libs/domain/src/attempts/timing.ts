/**
 * Time rules of an attempt, as in Moodle's quiz: the deadline is fixed at start, saves are
 * accepted until the deadline plus a small network grace, and an attempt left open past its
 * deadline is closed according to its overdue policy. Pure: every function takes `now`.
 */

export const ATTEMPT_STATES = ['in_progress', 'submitted', 'abandoned'] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

/**
 * - `auto-submit`: at the deadline the attempt is submitted and graded with what was saved.
 * - `grace-period`: after the deadline only submission is allowed, for a grace window; an attempt
 *   not submitted by then is abandoned.
 * - `not-counted`: an attempt not submitted by the deadline is abandoned and not scored.
 */
export const OVERDUE_POLICIES = ['auto-submit', 'grace-period', 'not-counted'] as const;
export type OverduePolicy = (typeof OVERDUE_POLICIES)[number];
export const DEFAULT_OVERDUE_POLICY: OverduePolicy = 'auto-submit';

/** Saves this late after the deadline still count: the request left the browser in time. */
export const DEFAULT_SAVE_GRACE_MS = 2_000;

/** What the timing rules need to know about an attempt. */
export interface AttemptClock {
  state: AttemptState;
  startedAt: Date;
  deadlineAt: Date;
  overduePolicy: OverduePolicy;
  /** Only for `grace-period`: how long after the deadline a submission is still accepted. */
  submitGraceMs: number;
}

export const MAX_TIME_LIMIT_SECONDS = 24 * 3600;

/** The deadline of an attempt started at `startedAt` with a time limit in seconds. */
export function computeDeadline(startedAt: Date, timeLimitSeconds: number): Date {
  if (!Number.isInteger(timeLimitSeconds) || timeLimitSeconds < 1 || timeLimitSeconds > MAX_TIME_LIMIT_SECONDS) {
    throw new RangeError(`time limit must be a whole number of seconds from 1 to ${MAX_TIME_LIMIT_SECONDS}, got ${timeLimitSeconds}`);
  }
  if (Number.isNaN(startedAt.getTime())) throw new RangeError('startedAt is not a valid date');
  return new Date(startedAt.getTime() + timeLimitSeconds * 1000);
}

/** Milliseconds left until the deadline (0 once it has passed): what a client timer counts down. */
export function remainingMs(now: Date, attempt: Pick<AttemptClock, 'deadlineAt'>): number {
  return Math.max(0, attempt.deadlineAt.getTime() - now.getTime());
}

export type SaveRefusal = 'ATTEMPT_DEADLINE_PASSED' | 'ATTEMPT_CLOSED';
export type SaveDecision = { allowed: true } | { allowed: false; reason: SaveRefusal };

function checkGrace(graceMs: number): void {
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new RangeError(`grace must be a non-negative number of ms, got ${graceMs}`);
}

/**
 * May an answer be saved now? A closed attempt refuses saves whatever the time; an open one accepts
 * them up to and including deadline + grace. The grace-period policy extends submission only,
 * never saving: answers given after the deadline would be extra time.
 */
export function saveDecision(now: Date, attempt: Pick<AttemptClock, 'state' | 'deadlineAt'>, graceMs = DEFAULT_SAVE_GRACE_MS): SaveDecision {
  checkGrace(graceMs);
  if (attempt.state !== 'in_progress') return { allowed: false, reason: 'ATTEMPT_CLOSED' };
  if (now.getTime() > attempt.deadlineAt.getTime() + graceMs) return { allowed: false, reason: 'ATTEMPT_DEADLINE_PASSED' };
  return { allowed: true };
}

/** How an open attempt ends: graded, or abandoned without a score. */
export type Closing = { action: 'submit'; finishedAt: Date } | { action: 'abandon'; finishedAt: Date };

export type SubmitDecision =
  | Closing
  /** Already submitted: a repeated submit returns the stored result. */
  | { action: 'already-submitted' }
  | { action: 'refuse'; reason: 'ATTEMPT_CLOSED' };

/**
 * The learner presses submit at `now`.
 * - in time (up to deadline + network grace): graded, finished now (at most the deadline);
 * - late under `auto-submit`: graded with what was saved, finished at the deadline, exactly as the
 *   sweep would have done had it run first;
 * - late under `grace-period`: graded if within the grace window (finished now), else abandoned;
 * - late under `not-counted`: abandoned.
 */
export function submitDecision(now: Date, attempt: AttemptClock, graceMs = DEFAULT_SAVE_GRACE_MS): SubmitDecision {
  checkGrace(graceMs);
  if (attempt.state === 'submitted') return { action: 'already-submitted' };
  if (attempt.state === 'abandoned') return { action: 'refuse', reason: 'ATTEMPT_CLOSED' };
  const t = now.getTime();
  const deadline = attempt.deadlineAt.getTime();
  if (t <= deadline + graceMs) return { action: 'submit', finishedAt: new Date(Math.min(t, deadline)) };
  switch (attempt.overduePolicy) {
    case 'auto-submit':
      return { action: 'submit', finishedAt: new Date(deadline) };
    case 'grace-period':
      return t <= deadline + Math.max(graceMs, attempt.submitGraceMs)
        ? { action: 'submit', finishedAt: new Date(t) }
        : { action: 'abandon', finishedAt: new Date(deadline) };
    case 'not-counted':
      return { action: 'abandon', finishedAt: new Date(deadline) };
    default:
      return assertNever(attempt.overduePolicy);
  }
}

/**
 * The moment after which nobody can act on an open attempt any more and the sweep closes it:
 * deadline + network grace, or deadline + the submission window under `grace-period`.
 */
export function closesAt(attempt: Pick<AttemptClock, 'deadlineAt' | 'overduePolicy' | 'submitGraceMs'>, graceMs = DEFAULT_SAVE_GRACE_MS): Date {
  checkGrace(graceMs);
  const extra = attempt.overduePolicy === 'grace-period' ? Math.max(graceMs, attempt.submitGraceMs) : graceMs;
  return new Date(attempt.deadlineAt.getTime() + extra);
}

/**
 * What the background sweep does to an attempt at `now`: nothing while it can still be saved or
 * submitted; then auto-submit grades it and the other policies abandon it. Either way it finished
 * at its deadline, not when the sweep happened to run.
 */
export function sweepDecision(now: Date, attempt: AttemptClock, graceMs = DEFAULT_SAVE_GRACE_MS): Closing | { action: 'none' } {
  if (attempt.state !== 'in_progress') return { action: 'none' };
  if (now.getTime() <= closesAt(attempt, graceMs).getTime()) return { action: 'none' };
  const finishedAt = new Date(attempt.deadlineAt.getTime());
  return attempt.overduePolicy === 'auto-submit' ? { action: 'submit', finishedAt } : { action: 'abandon', finishedAt };
}

function assertNever(value: never): never {
  throw new Error(`unhandled overdue policy: ${String(value)}`);
}
