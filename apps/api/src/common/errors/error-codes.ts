import { HttpStatus } from '@nestjs/common';

/** Every machine-readable error code the API returns. Clients switch on these, never on text. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  BAD_JSON = 'BAD_JSON',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CSRF_INVALID = 'CSRF_INVALID',
  NOT_FOUND = 'NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  RATE_LIMITED = 'RATE_LIMITED',
  INVITE_INVALID = 'INVITE_INVALID',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  QUESTION_NOT_FOUND = 'QUESTION_NOT_FOUND',
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  DB_UNAVAILABLE = 'DB_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

export function statusFor(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.BAD_JSON:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.FORBIDDEN:
    case ErrorCode.CSRF_INVALID:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.QUESTION_NOT_FOUND:
    case ErrorCode.ORGANIZATION_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.METHOD_NOT_ALLOWED:
      return HttpStatus.METHOD_NOT_ALLOWED;
    case ErrorCode.EMAIL_TAKEN:
    case ErrorCode.ALREADY_MEMBER:
      return HttpStatus.CONFLICT;
    case ErrorCode.INVITE_INVALID:
      return HttpStatus.GONE;
    case ErrorCode.RATE_LIMITED:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.DB_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.INTERNAL:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
