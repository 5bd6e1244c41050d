import { anchorClock, formatRemaining, nextAnnouncement, remainingMs, serverTimeAt, warningFor } from './countdown';

describe('countdown', () => {
  const deadline = '2026-01-01T10:10:00.000Z';

  it('should count from the server clock, whatever the client wall clock says', () => {
    // The server says 10:00:00; the monotonic timer reads 5000 at load.
    const anchor = anchorClock('2026-01-01T10:00:00.000Z', 5_000);
    expect(remainingMs(deadline, anchor, 5_000)).toBe(600_000);
    expect(remainingMs(deadline, anchor, 65_000)).toBe(540_000);
  });

  it('should never count backwards when the monotonic reading is older than the anchor', () => {
    const anchor = anchorClock('2026-01-01T10:00:00.000Z', 5_000);
    expect(serverTimeAt(anchor, 4_000)).toBe(Date.parse('2026-01-01T10:00:00.000Z'));
  });

  it('should stop at zero after the deadline', () => {
    const anchor = anchorClock('2026-01-01T10:09:59.000Z', 0);
    expect(remainingMs(deadline, anchor, 10_000)).toBe(0);
  });

  it('should refuse a server time that is not a timestamp', () => {
    expect(() => anchorClock('soon', 0)).toThrow('not a timestamp');
  });

  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [61_000, '1:01'],
    [600_000, '10:00'],
    [3_725_000, '1:02:05'],
    [-5, '0:00'],
  ])('should format %d ms as %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });

  it.each([
    [300_001, 'none'],
    [300_000, 'five-minutes'],
    [60_001, 'five-minutes'],
    [60_000, 'one-minute'],
    [1, 'one-minute'],
    [0, 'over'],
  ] as const)('should warn for %d ms left: %s', (ms, warning) => {
    expect(warningFor(ms)).toBe(warning);
  });

  it('should announce each warning once and only when it gets more urgent', () => {
    expect(nextAnnouncement('none', 'none')).toBeNull();
    expect(nextAnnouncement('five-minutes', 'none')).toBe('five-minutes');
    expect(nextAnnouncement('five-minutes', 'five-minutes')).toBeNull();
    expect(nextAnnouncement('one-minute', 'five-minutes')).toBe('one-minute');
    expect(nextAnnouncement('one-minute', 'none')).toBe('one-minute');
    expect(nextAnnouncement('over', 'one-minute')).toBeNull();
  });
});
