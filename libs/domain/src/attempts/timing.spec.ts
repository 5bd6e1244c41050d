import {
  closesAt,
  computeDeadline,
  DEFAULT_SAVE_GRACE_MS,
  remainingMs,
  saveDecision,
  submitDecision,
  sweepDecision,
  type AttemptClock,
  type OverduePolicy,
} from './timing';

const START = new Date('2026-11-21T10:00:00.000Z');
const DEADLINE = new Date('2026-11-21T10:20:00.000Z');
const at = (msFromDeadline: number): Date => new Date(DEADLINE.getTime() + msFromDeadline);

const attempt = (over: Partial<AttemptClock> = {}): AttemptClock => ({
  state: 'in_progress',
  startedAt: START,
  deadlineAt: DEADLINE,
  overduePolicy: 'auto-submit',
  submitGraceMs: 0,
  ...over,
});

describe('computeDeadline', () => {
  it('should put the deadline exactly the time limit after the start', () => {
    expect(computeDeadline(START, 20 * 60)).toEqual(DEADLINE);
  });

  it('should not modify the start date it was given', () => {
    const start = new Date(START);
    computeDeadline(start, 60);
    expect(start).toEqual(START);
  });

  it.each([0, -5, 1.5, Number.NaN, 24 * 3600 + 1])('should refuse a time limit of %p seconds', (limit) => {
    expect(() => computeDeadline(START, limit)).toThrow(RangeError);
  });

  it('should refuse an invalid start date', () => {
    expect(() => computeDeadline(new Date('nope'), 60)).toThrow(RangeError);
  });
});

describe('remainingMs', () => {
  it('should count down to the deadline and stop at zero', () => {
    expect(remainingMs(at(-90_000), attempt())).toBe(90_000);
    expect(remainingMs(at(0), attempt())).toBe(0);
    expect(remainingMs(at(5_000), attempt())).toBe(0);
  });
});

describe('saveDecision', () => {
  it('should allow a save before the deadline', () => {
    expect(saveDecision(at(-1), attempt())).toEqual({ allowed: true });
  });

  it('should allow a save within the default 2 s grace after the deadline', () => {
    expect(DEFAULT_SAVE_GRACE_MS).toBe(2_000);
    expect(saveDecision(at(0), attempt())).toEqual({ allowed: true });
    expect(saveDecision(at(2_000), attempt())).toEqual({ allowed: true });
  });

  it('should refuse a save one millisecond after deadline + grace with ATTEMPT_DEADLINE_PASSED', () => {
    expect(saveDecision(at(2_001), attempt())).toEqual({ allowed: false, reason: 'ATTEMPT_DEADLINE_PASSED' });
  });

  it('should honour a configured grace', () => {
    expect(saveDecision(at(4_000), attempt(), 5_000)).toEqual({ allowed: true });
    expect(saveDecision(at(1), attempt(), 0)).toEqual({ allowed: false, reason: 'ATTEMPT_DEADLINE_PASSED' });
  });

  it.each(['submitted', 'abandoned'] as const)('should refuse a save to a %s attempt with ATTEMPT_CLOSED even before the deadline', (state) => {
    expect(saveDecision(at(-60_000), attempt({ state }))).toEqual({ allowed: false, reason: 'ATTEMPT_CLOSED' });
  });

  it('should refuse saves after the deadline under the grace-period policy too: its window is for submitting only', () => {
    const a = attempt({ overduePolicy: 'grace-period', submitGraceMs: 600_000 });
    expect(saveDecision(at(60_000), a)).toEqual({ allowed: false, reason: 'ATTEMPT_DEADLINE_PASSED' });
  });

  it('should refuse a negative or non-finite grace', () => {
    expect(() => saveDecision(at(0), attempt(), -1)).toThrow(RangeError);
    expect(() => saveDecision(at(0), attempt(), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('submitDecision', () => {
  const policies: OverduePolicy[] = ['auto-submit', 'grace-period', 'not-counted'];

  it.each(policies)('should grade an in-time submission under %s and finish it now', (overduePolicy) => {
    expect(submitDecision(at(-30_000), attempt({ overduePolicy }))).toEqual({ action: 'submit', finishedAt: at(-30_000) });
  });

  it.each(policies)('should accept a submission within the network grace under %s, finished at the deadline', (overduePolicy) => {
    expect(submitDecision(at(1_500), attempt({ overduePolicy }))).toEqual({ action: 'submit', finishedAt: DEADLINE });
  });

  it('should return already-submitted for a second submission', () => {
    expect(submitDecision(at(-1), attempt({ state: 'submitted' }))).toEqual({ action: 'already-submitted' });
    expect(submitDecision(at(999_999), attempt({ state: 'submitted' }))).toEqual({ action: 'already-submitted' });
  });

  it('should refuse to submit an abandoned attempt with ATTEMPT_CLOSED', () => {
    expect(submitDecision(at(-1), attempt({ state: 'abandoned' }))).toEqual({ action: 'refuse', reason: 'ATTEMPT_CLOSED' });
  });

  it('should grade a late auto-submit attempt with what was saved, finished at the deadline', () => {
    expect(submitDecision(at(3_600_000), attempt())).toEqual({ action: 'submit', finishedAt: DEADLINE });
  });

  it('should grade a late submission within the grace-period window, finished when submitted', () => {
    const a = attempt({ overduePolicy: 'grace-period', submitGraceMs: 600_000 });
    expect(submitDecision(at(599_000), a)).toEqual({ action: 'submit', finishedAt: at(599_000) });
    expect(submitDecision(at(600_000), a)).toEqual({ action: 'submit', finishedAt: at(600_000) });
  });

  it('should abandon a submission after the grace-period window, finished at the deadline', () => {
    const a = attempt({ overduePolicy: 'grace-period', submitGraceMs: 600_000 });
    expect(submitDecision(at(600_001), a)).toEqual({ action: 'abandon', finishedAt: DEADLINE });
  });

  it('should abandon a late submission under not-counted', () => {
    expect(submitDecision(at(2_001), attempt({ overduePolicy: 'not-counted' }))).toEqual({ action: 'abandon', finishedAt: DEADLINE });
  });
});

describe('closesAt', () => {
  it('should close auto-submit and not-counted attempts at deadline + network grace', () => {
    expect(closesAt(attempt())).toEqual(at(2_000));
    expect(closesAt(attempt({ overduePolicy: 'not-counted' }), 500)).toEqual(at(500));
  });

  it('should close grace-period attempts at the end of the submission window, never before the network grace', () => {
    expect(closesAt(attempt({ overduePolicy: 'grace-period', submitGraceMs: 600_000 }))).toEqual(at(600_000));
    expect(closesAt(attempt({ overduePolicy: 'grace-period', submitGraceMs: 0 }))).toEqual(at(2_000));
  });
});

describe('sweepDecision', () => {
  it('should leave an attempt alone before its deadline', () => {
    expect(sweepDecision(at(-1), attempt())).toEqual({ action: 'none' });
  });

  it('should leave an attempt alone during the network grace, while a save may still arrive', () => {
    expect(sweepDecision(at(2_000), attempt())).toEqual({ action: 'none' });
  });

  it('should auto-submit an overdue attempt with finishedAt = the deadline, not the sweep time', () => {
    expect(sweepDecision(at(2_001), attempt())).toEqual({ action: 'submit', finishedAt: DEADLINE });
    expect(sweepDecision(at(86_400_000), attempt())).toEqual({ action: 'submit', finishedAt: DEADLINE });
  });

  it('should abandon an overdue not-counted attempt with finishedAt = the deadline', () => {
    expect(sweepDecision(at(2_001), attempt({ overduePolicy: 'not-counted' }))).toEqual({ action: 'abandon', finishedAt: DEADLINE });
  });

  it('should wait for the grace-period window to end, then abandon with finishedAt = the deadline', () => {
    const a = attempt({ overduePolicy: 'grace-period', submitGraceMs: 600_000 });
    expect(sweepDecision(at(600_000), a)).toEqual({ action: 'none' });
    expect(sweepDecision(at(600_001), a)).toEqual({ action: 'abandon', finishedAt: DEADLINE });
  });

  it.each(['submitted', 'abandoned'] as const)('should never touch a %s attempt', (state) => {
    expect(sweepDecision(at(86_400_000), attempt({ state }))).toEqual({ action: 'none' });
  });

  it('should agree with submitDecision: what the sweep does equals a late submit after the window', () => {
    for (const overduePolicy of ['auto-submit', 'grace-period', 'not-counted'] as const) {
      const a = attempt({ overduePolicy, submitGraceMs: 60_000 });
      const late = at(3_600_000);
      expect(sweepDecision(late, a)).toEqual(submitDecision(late, a));
    }
  });

  it('should return a fresh Date, so callers cannot change the attempt through it', () => {
    const a = attempt();
    const decision = sweepDecision(at(10_000), a);
    if (decision.action !== 'submit') throw new Error('expected submit');
    decision.finishedAt.setTime(0);
    expect(a.deadlineAt).toEqual(DEADLINE);
  });
});
