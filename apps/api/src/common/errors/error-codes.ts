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
  ORG_QUESTION_NOT_FOUND = 'ORG_QUESTION_NOT_FOUND',
  ATTEMPT_NOT_FOUND = 'ATTEMPT_NOT_FOUND',
  ATTEMPT_ITEM_NOT_FOUND = 'ATTEMPT_ITEM_NOT_FOUND',
  ATTEMPT_DEADLINE_PASSED = 'ATTEMPT_DEADLINE_PASSED',
  ATTEMPT_CLOSED = 'ATTEMPT_CLOSED',
  ATTEMPT_NOT_SUBMITTED = 'ATTEMPT_NOT_SUBMITTED',
  REVIEW_NOT_ALLOWED = 'REVIEW_NOT_ALLOWED',
  RESPONSE_INVALID = 'RESPONSE_INVALID',
  ANSWER_REVISION_CONFLICT = 'ANSWER_REVISION_CONFLICT',
  NOT_ENOUGH_QUESTIONS = 'NOT_ENOUGH_QUESTIONS',
  TEMPLATE_NOT_FOUND = 'TEMPLATE_NOT_FOUND',
  DRILL_CARD_NOT_FOUND = 'DRILL_CARD_NOT_FOUND',
  DRILL_REVIEW_NOT_FOUND = 'DRILL_REVIEW_NOT_FOUND',
  DRILL_CARD_SUSPENDED = 'DRILL_CARD_SUSPENDED',
  DRILL_REVIEW_ID_CONFLICT = 'DRILL_REVIEW_ID_CONFLICT',
  DRILL_REVIEW_REFUSED = 'DRILL_REVIEW_REFUSED',
  DRILL_UNDO_REFUSED = 'DRILL_UNDO_REFUSED',
  QUESTION_SET_NOT_FOUND = 'QUESTION_SET_NOT_FOUND',
  SET_VERSION_NOT_FOUND = 'SET_VERSION_NOT_FOUND',
  SET_NO_DRAFT = 'SET_NO_DRAFT',
  SET_ARCHIVED = 'SET_ARCHIVED',
  SET_EMPTY = 'SET_EMPTY',
  SET_POOL_SHORT = 'SET_POOL_SHORT',
  INVITE_NOT_FOUND = 'INVITE_NOT_FOUND',
  INVITE_REVOKED = 'INVITE_REVOKED',
  PASSWORD_RESET_INVALID = 'PASSWORD_RESET_INVALID',
  CANDIDATE_INVITE_NOT_FOUND = 'CANDIDATE_INVITE_NOT_FOUND',
  CANDIDATE_SESSION_MISSING = 'CANDIDATE_SESSION_MISSING',
  CANDIDATE_CANNOT_START = 'CANDIDATE_CANNOT_START',
  RESULT_NOT_FOUND = 'RESULT_NOT_FOUND',
  GRADE_REFUSED = 'GRADE_REFUSED',
  JUDGE_RUN_NOT_FOUND = 'JUDGE_RUN_NOT_FOUND',
  JUDGE_TASK_NOT_FOUND = 'JUDGE_TASK_NOT_FOUND',
  JUDGE_FILES_INVALID = 'JUDGE_FILES_INVALID',
  /** A playground run of an item that is not final yet (attempt open, review policy hides keys, drill card not answered). */
  PLAYGROUND_NOT_FINAL = 'PLAYGROUND_NOT_FINAL',
  /** A drill review of a code task that names no finished judge run of the learner's code for that card. */
  DRILL_JUDGE_RUN_INVALID = 'DRILL_JUDGE_RUN_INVALID',
  /** A bearer token that is not a live API token: unknown, malformed, expired or revoked. */
  API_TOKEN_INVALID = 'API_TOKEN_INVALID',
  /** The operation does not accept API tokens (it declares no token scope): use a session. */
  API_TOKEN_NOT_ALLOWED = 'API_TOKEN_NOT_ALLOWED',
  /** The token lacks the scope the operation declares. */
  API_TOKEN_SCOPE_MISSING = 'API_TOKEN_SCOPE_MISSING',
  /** A scope the token's owner may not grant (organization scopes on a learner's personal token). */
  API_TOKEN_SCOPE_NOT_ALLOWED = 'API_TOKEN_SCOPE_NOT_ALLOWED',
  API_TOKEN_NOT_FOUND = 'API_TOKEN_NOT_FOUND',
  MALFORMED_REQUEST = 'MALFORMED_REQUEST',
  HEADERS_TOO_LARGE = 'HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  SERVER_TIMEOUT = 'SERVER_TIMEOUT',
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
    case ErrorCode.ORG_QUESTION_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.ATTEMPT_NOT_FOUND:
    case ErrorCode.ATTEMPT_ITEM_NOT_FOUND:
    case ErrorCode.TEMPLATE_NOT_FOUND:
    case ErrorCode.DRILL_CARD_NOT_FOUND:
    case ErrorCode.DRILL_REVIEW_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.DRILL_CARD_SUSPENDED:
    case ErrorCode.DRILL_REVIEW_ID_CONFLICT:
    case ErrorCode.DRILL_REVIEW_REFUSED:
    case ErrorCode.DRILL_UNDO_REFUSED:
      return HttpStatus.CONFLICT;
    case ErrorCode.RESPONSE_INVALID:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.ATTEMPT_DEADLINE_PASSED:
    case ErrorCode.ATTEMPT_CLOSED:
    case ErrorCode.ATTEMPT_NOT_SUBMITTED:
    case ErrorCode.ANSWER_REVISION_CONFLICT:
      return HttpStatus.CONFLICT;
    case ErrorCode.REVIEW_NOT_ALLOWED:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NOT_ENOUGH_QUESTIONS:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.QUESTION_SET_NOT_FOUND:
    case ErrorCode.SET_VERSION_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.SET_NO_DRAFT:
    case ErrorCode.SET_ARCHIVED:
      return HttpStatus.CONFLICT;
    case ErrorCode.SET_EMPTY:
    case ErrorCode.SET_POOL_SHORT:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.INVITE_NOT_FOUND:
    case ErrorCode.CANDIDATE_INVITE_NOT_FOUND:
    case ErrorCode.RESULT_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.CANDIDATE_SESSION_MISSING:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.JUDGE_RUN_NOT_FOUND:
    case ErrorCode.JUDGE_TASK_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.JUDGE_FILES_INVALID:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.PLAYGROUND_NOT_FINAL:
    case ErrorCode.DRILL_JUDGE_RUN_INVALID:
      return HttpStatus.CONFLICT;
    case ErrorCode.CANDIDATE_CANNOT_START:
    case ErrorCode.INVITE_REVOKED:
    case ErrorCode.GRADE_REFUSED:
      return HttpStatus.CONFLICT;
    case ErrorCode.METHOD_NOT_ALLOWED:
      return HttpStatus.METHOD_NOT_ALLOWED;
    case ErrorCode.EMAIL_TAKEN:
    case ErrorCode.ALREADY_MEMBER:
      return HttpStatus.CONFLICT;
    case ErrorCode.INVITE_INVALID:
    case ErrorCode.PASSWORD_RESET_INVALID:
      return HttpStatus.GONE;
    case ErrorCode.RATE_LIMITED:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.MALFORMED_REQUEST:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.API_TOKEN_INVALID:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.API_TOKEN_NOT_ALLOWED:
    case ErrorCode.API_TOKEN_SCOPE_MISSING:
    case ErrorCode.API_TOKEN_SCOPE_NOT_ALLOWED:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.API_TOKEN_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.HEADERS_TOO_LARGE:
      return 431 as HttpStatus;
    case ErrorCode.REQUEST_TIMEOUT:
      return HttpStatus.REQUEST_TIMEOUT;
    case ErrorCode.SERVER_TIMEOUT:
    case ErrorCode.DB_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.INTERNAL:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
