import type { ItemForm } from './draft-form';
import { expectedTime, FALLBACK_SECONDS, formatDuration, timeVerdict } from './expected-time';

const fixed = (key: string, expectedSeconds?: number): ItemForm => ({
  key,
  kind: 'fixed',
  questionId: key,
  points: '1',
  info: { title: key, topic: 'sync', type: 'single', difficulty: 2, ...(expectedSeconds === undefined ? {} : { expectedSeconds }) },
});
const pool = (key: string, count: string): ItemForm => ({ key, kind: 'pool', topic: 'gc-tuning', count, min: 3, max: 5, types: [], excludeTags: '', points: '1' });

describe('expectedTime', () => {
  it('should add the expected seconds of fixed items and count x average of pools', () => {
    const averages = [120, 60];
    expect(expectedTime([fixed('a', 45), pool('p', '3'), fixed('b', 150), pool('q', '2')], (i) => averages[i])).toEqual({ seconds: 45 + 360 + 150 + 120, approximate: false });
  });

  it('should assume the fallback for an unknown question or pool and say the total is approximate', () => {
    expect(expectedTime([fixed('a'), pool('p', '2')])).toEqual({ seconds: 3 * FALLBACK_SECONDS, approximate: true });
  });

  it('should count nothing for a pool whose count is not a positive integer yet', () => {
    expect(expectedTime([pool('p', ''), pool('q', '2.5'), pool('r', '0')], () => 100).seconds).toBe(0);
  });

  it('should be zero for an empty set', () => {
    expect(expectedTime([])).toEqual({ seconds: 0, approximate: false });
  });
});

describe('timeVerdict', () => {
  it('should warn when the expected time exceeds the limit', () => {
    expect(timeVerdict(2701, 2700)).toBe('over');
  });

  it('should call it tight above 90 % of the limit, and fine at or below', () => {
    expect(timeVerdict(2431, 2700)).toBe('tight');
    expect(timeVerdict(2430, 2700)).toBe('ok');
    expect(timeVerdict(2700, 2700)).toBe('tight');
  });

  it('should not judge against a missing limit', () => {
    expect(timeVerdict(100, Number.NaN)).toBe('unknown');
    expect(timeVerdict(100, 0)).toBe('unknown');
  });
});

describe('formatDuration', () => {
  it('should split seconds into hours, minutes and seconds', () => {
    expect(formatDuration(3905)).toEqual({ hours: 1, minutes: 5, seconds: 5 });
    expect(formatDuration(59)).toEqual({ hours: 0, minutes: 0, seconds: 59 });
    expect(formatDuration(-3)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });
});
