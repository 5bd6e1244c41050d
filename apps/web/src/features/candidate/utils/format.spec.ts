import type { TFunction } from 'i18next';
import { formatMinutes, tokenFromHash } from './format';

describe('tokenFromHash', () => {
  it('should read the token from the fragment of an invite link', () => {
    expect(tokenFromHash('#8FkJcZOS_ADak6E1oLAgbOTcn05qX-QDCh')).toBe('8FkJcZOS_ADak6E1oLAgbOTcn05qX-QDCh');
  });

  it('should ignore an empty, short or odd fragment (then the cookie decides)', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#short')).toBeNull();
    expect(tokenFromHash('#abc<script>alert(1)</script>defghijkl')).toBeNull();
    expect(tokenFromHash('#%E0%A4%A')).toBeNull();
  });
});

describe('formatMinutes', () => {
  const t = ((key: string, options?: { count?: number }) => (options?.count !== undefined ? `${key}:${options.count}` : key)) as unknown as TFunction;

  it('should round seconds to whole minutes and call 0 no limit', () => {
    expect(formatMinutes(t, 1200)).toBe('candidate.intro.minutes:20');
    expect(formatMinutes(t, 90)).toBe('candidate.intro.minutes:2');
    expect(formatMinutes(t, 0)).toBe('candidate.intro.noLimit');
    expect(formatMinutes(t, null)).toBe('candidate.intro.noLimit');
  });
});
