import { checkInviteForm, defaultExpiry, linksText, localToIso } from './invite-form';

describe('invite form helpers', () => {
  const now = new Date(2026, 10, 21, 9, 5); // local time

  it('should default the expiry to a week later in datetime-local form', () => {
    expect(defaultExpiry(now)).toBe('2026-11-28T09:05');
    expect(defaultExpiry(now, 1)).toBe('2026-11-22T09:05');
  });

  it('should read a datetime-local value as local time', () => {
    expect(localToIso('2026-11-28T09:05')).toBe(new Date(2026, 10, 28, 9, 5).toISOString());
    expect(localToIso('')).toBeNull();
    expect(localToIso('tomorrow')).toBeNull();
  });

  it('should accept good lines and report each bad line with its number', () => {
    const ok = checkInviteForm({ text: 'Ada Lovelace, ada@example.com\nAlan Turing, alan@example.org', expiry: '2026-11-28T09:05', attempts: '1' }, now);
    expect(ok.problems).toEqual([]);
    expect(ok.parsed.invitees.map((i) => i.email)).toEqual(['ada@example.com', 'alan@example.org']);

    const bad = checkInviteForm({ text: 'Ada, ada@example.com\nBob, bob@example\nAda again, ADA@example.com', expiry: '2026-11-28T09:05', attempts: '2' }, now);
    expect(bad.problems).toEqual(['line-errors']);
    expect(bad.parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'invalid-email'],
      [3, 'duplicate'],
    ]);
  });

  it('should refuse an empty list, a past expiry and an attempts allowance outside 1-100', () => {
    expect(checkInviteForm({ text: ' \n', expiry: '2026-11-20T09:05', attempts: '0' }, now).problems).toEqual([
      'no-invitees',
      'past-expiry',
      'bad-attempts',
    ]);
    expect(checkInviteForm({ text: 'a@example.com', expiry: 'x', attempts: '1.5' }, now).problems).toEqual(['bad-expiry', 'bad-attempts']);
  });

  it('should list links one per line, named when a name is known', () => {
    expect(
      linksText([
        { name: 'Ada', email: 'ada@example.com', link: 'https://x/take#a' },
        { name: '', email: 'b@example.com', link: 'https://x/take#b' },
      ]),
    ).toBe('Ada <ada@example.com>: https://x/take#a\nb@example.com: https://x/take#b');
  });
});
