import { barHeight, retentionHue, shortDay } from './chart';

describe('retentionHue', () => {
  it('should run from red at 60% to green at 100%, clamped outside', () => {
    expect(retentionHue(0.6)).toBe(0);
    expect(retentionHue(0.8)).toBe(65);
    expect(retentionHue(1)).toBe(130);
    expect(retentionHue(0.2)).toBe(0);
    expect(retentionHue(1.2)).toBe(130);
  });
});

describe('shortDay', () => {
  it('should show the calendar day whatever the runner time zone', () => {
    expect(shortDay('2026-11-21', 'en')).toBe('Nov 21');
    expect(shortDay('2026-11-21', 'zh-CN')).toBe('11月21日');
  });
});

describe('barHeight', () => {
  it('should scale to the busiest day and keep a small day visible', () => {
    expect(barHeight(10, 10, 116)).toBe(116);
    expect(barHeight(5, 10, 116)).toBe(58);
    expect(barHeight(1, 1000, 116)).toBe(2);
    expect(barHeight(0, 10, 116)).toBe(0);
  });
});
