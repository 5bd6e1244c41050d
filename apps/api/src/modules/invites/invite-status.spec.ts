import { candidateState, inviteStatus, type InviteFacts } from './invite-status';

const NOW = new Date('2026-11-21T10:00:00Z');
const facts = (over: Partial<InviteFacts> = {}): InviteFacts => ({
  expiresAt: new Date('2026-11-22T10:00:00Z'),
  revokedAt: null,
  attemptsAllowed: 1,
  extraAttempts: 0,
  attemptsUsed: 0,
  latestState: null,
  ...over,
});

describe('inviteStatus', () => {
  it('should be invited before any attempt and before the expiry', () => {
    expect(inviteStatus(facts(), NOW)).toBe('invited');
  });

  it('should be expired from the expiry instant on when never started', () => {
    expect(inviteStatus(facts({ expiresAt: NOW }), NOW)).toBe('expired');
  });

  it('should be started while an attempt is open, even past the expiry', () => {
    expect(inviteStatus(facts({ expiresAt: NOW, attemptsUsed: 1, latestState: 'in_progress' }), NOW)).toBe('started');
  });

  it('should be submitted once an attempt closed', () => {
    expect(inviteStatus(facts({ attemptsUsed: 1, latestState: 'submitted' }), NOW)).toBe('submitted');
    expect(inviteStatus(facts({ attemptsUsed: 1, latestState: 'abandoned' }), NOW)).toBe('submitted');
  });

  it('should be revoked above everything else', () => {
    expect(inviteStatus(facts({ revokedAt: NOW, attemptsUsed: 1, latestState: 'submitted' }), NOW)).toBe('revoked');
  });
});

describe('candidateState', () => {
  it('should let a fresh invite start', () => {
    expect(candidateState(facts(), NOW)).toEqual({ state: 'not-started', canStart: true });
  });

  it('should say expired, not error, after the expiry', () => {
    expect(candidateState(facts({ expiresAt: new Date(NOW.getTime() - 1) }), NOW)).toEqual({ state: 'expired', canStart: false });
  });

  it('should say submitted when the only attempt was submitted, and used when it closed without a score', () => {
    expect(candidateState(facts({ attemptsUsed: 1, latestState: 'submitted' }), NOW).state).toBe('submitted');
    expect(candidateState(facts({ attemptsUsed: 1, latestState: 'abandoned' }), NOW).state).toBe('used');
  });

  it('should allow another attempt after an override', () => {
    expect(candidateState(facts({ attemptsUsed: 1, extraAttempts: 1, latestState: 'submitted' }), NOW)).toEqual({ state: 'not-started', canStart: true });
  });

  it('should say revoked for a revoked invite', () => {
    expect(candidateState(facts({ revokedAt: NOW }), NOW)).toEqual({ state: 'revoked', canStart: false });
  });
});
