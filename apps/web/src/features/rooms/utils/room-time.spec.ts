import { formatClock, participantColor, remainingSeconds, timelinePosition } from './room-time';

describe('remainingSeconds', () => {
  it('should be null before the interviewer starts the timer', () => {
    expect(remainingSeconds(null, 45, Date.parse('2026-12-06T10:00:00Z'))).toBeNull();
  });

  it('should count down from the duration once started', () => {
    const start = '2026-12-06T10:00:00Z';
    expect(remainingSeconds(start, 45, Date.parse(start))).toBe(2700);
    expect(remainingSeconds(start, 45, Date.parse('2026-12-06T10:10:00.500Z'))).toBe(2100);
  });

  it('should stop at zero when the time is up, not go negative', () => {
    expect(remainingSeconds('2026-12-06T10:00:00Z', 30, Date.parse('2026-12-06T11:00:00Z'))).toBe(0);
  });

  it('should be null for a timestamp it cannot read', () => {
    expect(remainingSeconds('not a date', 30, 0)).toBeNull();
  });
});

describe('formatClock', () => {
  it('should show minutes and zero-padded seconds', () => {
    expect(formatClock(2700)).toBe('45:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(0)).toBe('0:00');
  });

  it('should add hours from an hour up', () => {
    expect(formatClock(3600 + 61)).toBe('1:01:01');
  });
});

describe('timelinePosition', () => {
  const start = Date.parse('2026-12-06T10:00:00Z');
  const end = Date.parse('2026-12-06T10:40:00Z');

  it('should place an event by its share of the session', () => {
    expect(timelinePosition('2026-12-06T10:10:00Z', start, end)).toBeCloseTo(0.25);
  });

  it('should clamp events outside the session to its ends', () => {
    expect(timelinePosition('2026-12-06T09:00:00Z', start, end)).toBe(0);
    expect(timelinePosition('2026-12-06T11:00:00Z', start, end)).toBe(1);
  });

  it('should put everything at the start of an empty session', () => {
    expect(timelinePosition('2026-12-06T10:10:00Z', start, start)).toBe(0);
  });
});

describe('participantColor', () => {
  it('should give one name the same colour every time and two names different ones', () => {
    expect(participantColor('Ada')).toBe(participantColor('Ada'));
    expect(participantColor('Ada')).not.toBe(participantColor('Rob'));
    expect(participantColor('Ada')).toMatch(/^hsl\(\d+ 70% 38%\)$/);
  });
});
