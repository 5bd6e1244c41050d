/**
 * One password rule for the API and the web form, so what the form accepts the API accepts.
 * Length is what matters most for strength (NIST SP 800-63B); we add a short deny-list of
 * passwords that meet the length but are guessed first.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty12345',
  'iloveyou123',
  'abcdefghij',
  'aaaaaaaaaa',
  '0123456789',
  'letmein1234',
  'welcome123',
  'admin12345',
  'changeme123',
]);

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'one-character';

export function validatePassword(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  if (new Set(password).size === 1) return 'one-character';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'too-common';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
  'too-long': `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  'too-common': 'This password is too common; choose another one.',
  'one-character': 'Password must not repeat a single character.',
};
