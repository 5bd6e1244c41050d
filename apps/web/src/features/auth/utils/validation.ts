import { validatePassword, type PasswordProblem } from '@goprep/domain';

/**
 * The API's input rules, checked before sending so people get instant feedback. The password
 * rule is the shared one from @goprep/domain; the server stays the authority.
 * Values are i18n keys.
 */
export const DISPLAY_NAME_MAX = 80;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function validateEmail(email: string): string | undefined {
  const value = email.trim();
  if (!value) return 'validation.emailRequired';
  if (value.length > 254 || !EMAIL.test(value)) return 'validation.emailInvalid';
  return undefined;
}

const PASSWORD_KEYS: Record<PasswordProblem, string> = {
  'too-short': 'validation.passwordTooShort',
  'too-long': 'validation.passwordTooLong',
  'too-common': 'validation.passwordTooCommon',
  'one-character': 'validation.passwordOneCharacter',
};

export function validateNewPassword(password: string): string | undefined {
  if (!password) return 'validation.passwordRequired';
  const problem = validatePassword(password);
  return problem ? PASSWORD_KEYS[problem] : undefined;
}

export function validateDisplayName(name: string): string | undefined {
  const value = name.trim();
  if (!value) return 'validation.displayNameRequired';
  if ([...value].length > DISPLAY_NAME_MAX) return 'validation.displayNameTooLong';
  return undefined;
}

/** Only same-site paths, so a crafted ?redirectTo= cannot send people elsewhere. */
export function safeRedirect(target: string | null): string {
  if (target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')) {
    return target;
  }
  return '/';
}
