import { PASSWORD_MAX_LENGTH, validatePassword } from './password-policy';

describe('validatePassword', () => {
  it('should accept a ten-character password that is not on the deny-list', () => {
    expect(validatePassword('gopher-race')).toBeNull();
  });

  it('should reject a password shorter than ten characters', () => {
    expect(validatePassword('short1!')).toBe('too-short');
  });

  it('should count characters, not UTF-16 code units, so emoji count once', () => {
    expect(validatePassword('😀😀😀😀😀😀😀😀😀')).toBe('too-short');
    expect(validatePassword('😀😀😀😀😀😀😀😀😀x')).toBeNull();
  });

  it('should reject a password longer than the maximum', () => {
    expect(validatePassword('a'.repeat(PASSWORD_MAX_LENGTH) + 'b')).toBe('too-long');
  });

  it('should reject a password made of one repeated character', () => {
    expect(validatePassword('zzzzzzzzzzzz')).toBe('one-character');
  });

  it('should reject a common password regardless of case', () => {
    expect(validatePassword('PassWord123')).toBe('too-common');
  });
});
