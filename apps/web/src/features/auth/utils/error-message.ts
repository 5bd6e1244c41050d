import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';

/** A human message for a failed auth request, in the UI language when the code is known. */
export function authErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return t('errors.invalidCredentials');
    case 'SSO_REQUIRED':
      return t('errors.ssoRequired');
    case 'EMAIL_TAKEN':
      return t('errors.emailTaken');
    case 'RATE_LIMITED':
      return error.retryAfter
        ? t('errors.rateLimitedFor', { count: error.retryAfter })
        : t('errors.rateLimited');
    case 'VALIDATION_FAILED':
      return t('errors.validation');
    case 'CSRF_INVALID':
      return t('errors.csrf');
    default:
      return error.status >= 500 ? t('errors.server') : error.message;
  }
}
