import { safeRedirect, validateDisplayName, validateEmail, validateNewPassword } from './validation';

describe('register form rules', () => {
  it('should accept a plain email and reject malformed ones', () => {
    expect(validateEmail(' ada@example.com ')).toBeUndefined();
    expect(validateEmail('')).toBe('validation.emailRequired');
    expect(validateEmail('ada@example')).toBe('validation.emailInvalid');
    expect(validateEmail('ada example.com')).toBe('validation.emailInvalid');
  });

  it('should apply the shared password rule (10 to 128 characters)', () => {
    expect(validateNewPassword('')).toBe('validation.passwordRequired');
    expect(validateNewPassword('a'.repeat(3) + 'bcdefg')).toBe('validation.passwordTooShort');
    expect(validateNewPassword('correct horse battery')).toBeUndefined();
    expect(validateNewPassword('x'.repeat(64) + 'y'.repeat(65))).toBe('validation.passwordTooLong');
  });

  it('should require a display name of 1 to 80 characters after trimming', () => {
    expect(validateDisplayName('   ')).toBe('validation.displayNameRequired');
    expect(validateDisplayName('Ada')).toBeUndefined();
    expect(validateDisplayName('名'.repeat(80))).toBeUndefined();
    expect(validateDisplayName('n'.repeat(81))).toBe('validation.displayNameTooLong');
  });

  it('should only redirect to same-site paths after login', () => {
    expect(safeRedirect('/practice?topic=channels')).toBe('/practice?topic=channels');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect(null)).toBe('/');
  });
});
