import { summarizeIntegrity, type IntegrityEvent } from './integrity';

const at = (seconds: number): number => 1_700_000_000_000 + seconds * 1000;

describe('summarizeIntegrity', () => {
  it('should report nothing for no events', () => {
    expect(summarizeIntegrity([])).toEqual({
      pasteCount: 0,
      pastedChars: 0,
      pastesByPosition: [],
      focusLostCount: 0,
      focusLostMs: 0,
      hiddenCount: 0,
      hiddenMs: 0,
      longestAwayMs: 0,
      any: false,
    });
  });

  it('should count pastes and their characters, per item position', () => {
    const events: IntegrityEvent[] = [
      { type: 'paste', at: at(10), chars: 120, position: 2 },
      { type: 'paste', at: at(20), chars: 30, position: 0 },
      { type: 'paste', at: at(30), chars: 5, position: 2 },
      { type: 'paste', at: at(40), chars: 7 },
    ];
    const summary = summarizeIntegrity(events);
    // 120 + 30 + 5 + 7 = 162 characters in 4 pastes; position 2 has two pastes of 125 characters.
    expect(summary.pasteCount).toBe(4);
    expect(summary.pastedChars).toBe(162);
    expect(summary.pastesByPosition).toEqual([
      { position: 0, count: 1, chars: 30 },
      { position: 2, count: 2, chars: 125 },
    ]);
    expect(summary.any).toBe(true);
  });

  it('should pair blur with focus and hidden with visible into durations', () => {
    const events: IntegrityEvent[] = [
      { type: 'blur', at: at(100) },
      { type: 'focus', at: at(104) },
      { type: 'hidden', at: at(200) },
      { type: 'blur', at: at(200) },
      { type: 'visible', at: at(230) },
      { type: 'focus', at: at(231) },
    ];
    const summary = summarizeIntegrity(events);
    // Focus lost 100-104 (4 s) and 200-231 (31 s): 2 times, 35 000 ms. Hidden 200-230: once, 30 000 ms.
    expect(summary.focusLostCount).toBe(2);
    expect(summary.focusLostMs).toBe(35_000);
    expect(summary.hiddenCount).toBe(1);
    expect(summary.hiddenMs).toBe(30_000);
    expect(summary.longestAwayMs).toBe(31_000);
  });

  it('should not depend on the order the events arrive in', () => {
    const events: IntegrityEvent[] = [
      { type: 'focus', at: at(14) },
      { type: 'blur', at: at(10) },
      { type: 'visible', at: at(50) },
      { type: 'hidden', at: at(20) },
    ];
    const summary = summarizeIntegrity(events);
    expect(summary.focusLostMs).toBe(4000);
    expect(summary.hiddenMs).toBe(30_000);
  });

  it('should treat a repeated blur before focus as one absence', () => {
    const summary = summarizeIntegrity([
      { type: 'blur', at: at(0) },
      { type: 'blur', at: at(5) },
      { type: 'focus', at: at(9) },
    ]);
    expect(summary.focusLostCount).toBe(1);
    expect(summary.focusLostMs).toBe(9000);
  });

  it('should ignore a focus or visible that closes nothing', () => {
    const summary = summarizeIntegrity([
      { type: 'focus', at: at(0) },
      { type: 'visible', at: at(1) },
    ]);
    expect(summary.focusLostCount).toBe(0);
    expect(summary.hiddenCount).toBe(0);
    expect(summary.any).toBe(false);
  });

  it('should use a duration the client measured itself', () => {
    const summary = summarizeIntegrity([
      { type: 'blur', at: at(0), durationMs: 2500 },
      { type: 'hidden', at: at(10), durationMs: 60_000 },
      { type: 'blur', at: at(20), durationMs: -5 },
    ]);
    // The negative duration is counted as an absence of 0 ms.
    expect(summary.focusLostCount).toBe(2);
    expect(summary.focusLostMs).toBe(2500);
    expect(summary.hiddenCount).toBe(1);
    expect(summary.hiddenMs).toBe(60_000);
    expect(summary.longestAwayMs).toBe(60_000);
  });

  it('should close an absence still open at the end at endAt', () => {
    const summary = summarizeIntegrity([{ type: 'hidden', at: at(100) }], { endAt: at(160) });
    expect(summary.hiddenCount).toBe(1);
    expect(summary.hiddenMs).toBe(60_000);
  });

  it('should count an absence still open without endAt, with no duration', () => {
    const summary = summarizeIntegrity([{ type: 'blur', at: at(100) }]);
    expect(summary.focusLostCount).toBe(1);
    expect(summary.focusLostMs).toBe(0);
  });

  it('should ignore events without a usable time and paste sizes that are not counts', () => {
    const summary = summarizeIntegrity([
      { type: 'paste', at: Number.NaN, chars: 100 },
      { type: 'paste', at: at(1), chars: -3 },
      { type: 'paste', at: at(2), chars: 2.7 },
    ]);
    expect(summary.pasteCount).toBe(2);
    expect(summary.pastedChars).toBe(2);
  });
});
