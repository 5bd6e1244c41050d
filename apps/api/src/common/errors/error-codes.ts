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
  ROOM_NOT_FOUND = 'ROOM_NOT_FOUND',
  ROOM_FORBIDDEN = 'ROOM_FORBIDDEN',
  ROOM_EXPIRED = 'ROOM_EXPIRED',
  ROOM_ENDED = 'ROOM_ENDED',
  ROOM_JOIN_INVALID = 'ROOM_JOIN_INVALID',
  ROOM_ALREADY_MEMBER = 'ROOM_ALREADY_MEMBER',
  ROOM_SWAP_REFUSED = 'ROOM_SWAP_REFUSED',
  ROOM_NO_TASK = 'ROOM_NO_TASK',
  ROOM_SCORECARD_NOT_FOUND = 'ROOM_SCORECARD_NOT_FOUND',
  WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND',
  WEBHOOK_DELIVERY_NOT_FOUND = 'WEBHOOK_DELIVERY_NOT_FOUND',
  /** A webhook URL that is not http(s), has credentials or a fragment, or whose host does not resolve. */
  WEBHOOK_URL_INVALID = 'WEBHOOK_URL_INVALID',
  /** A webhook URL that resolves to a loopback, private or otherwise internal address (SSRF). */
  WEBHOOK_TARGET_FORBIDDEN = 'WEBHOOK_TARGET_FORBIDDEN',
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
  /** Password sign-in of a manager whose organization requires single sign-on. */
  SSO_REQUIRED = 'SSO_REQUIRED',
  /** No enabled single sign-on for that email's domain. */
  SSO_NOT_CONFIGURED = 'SSO_NOT_CONFIGURED',
  /** An email domain already routes to another organization. */
  SSO_DOMAIN_TAKEN = 'SSO_DOMAIN_TAKEN',
  /** The issuer's discovery document could not be fetched or is not an OpenID provider's. */
  SSO_DISCOVERY_FAILED = 'SSO_DISCOVERY_FAILED',
  /** A callback whose state is unknown, used, expired or not this browser's. */
  SSO_STATE_INVALID = 'SSO_STATE_INVALID',
  /** The provider answered with an error, or refused the code (used, expired). */
  SSO_PROVIDER_ERROR = 'SSO_PROVIDER_ERROR',
  /** The ID token failed a check (issuer, audience, nonce, expiry). */
  SSO_TOKEN_INVALID = 'SSO_TOKEN_INVALID',
  /** The provider vouched for no verified email. */
  SSO_EMAIL_UNVERIFIED = 'SSO_EMAIL_UNVERIFIED',
  /** The verified email is not in one of the organization's domains. */
  SSO_DOMAIN_MISMATCH = 'SSO_DOMAIN_MISMATCH',
  /**
   * An account with that email exists outside the organization (or is a site admin): single
   * sign-on never takes over an account the organization does not already hold.
   */
  SSO_ACCOUNT_NOT_LINKABLE = 'SSO_ACCOUNT_NOT_LINKABLE',
  /** The email's domain is listed by an organization but not yet proven (DNS TXT record or a site admin). */
  SSO_DOMAIN_UNVERIFIED = 'SSO_DOMAIN_UNVERIFIED',
  /** The organization does not list that domain for single sign-on. */
  SSO_DOMAIN_NOT_FOUND = 'SSO_DOMAIN_NOT_FOUND',
  /** The domain's `_goprep-challenge` TXT record is missing or does not hold this organization's token. */
  SSO_DOMAIN_PROOF_MISSING = 'SSO_DOMAIN_PROOF_MISSING',
}

export function statusFor(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.WEBHOOK_URL_INVALID:
    case ErrorCode.WEBHOOK_TARGET_FORBIDDEN:
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
    case ErrorCode.WEBHOOK_NOT_FOUND:
    case ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND:
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
    case ErrorCode.ROOM_NOT_FOUND:
    case ErrorCode.ROOM_SCORECARD_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.ROOM_FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.ROOM_EXPIRED:
    case ErrorCode.ROOM_ENDED:
    case ErrorCode.ROOM_JOIN_INVALID:
      return HttpStatus.GONE;
    case ErrorCode.ROOM_ALREADY_MEMBER:
    case ErrorCode.ROOM_SWAP_REFUSED:
    case ErrorCode.ROOM_NO_TASK:
      return HttpStatus.CONFLICT;
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
    case ErrorCode.SSO_REQUIRED:
    case ErrorCode.SSO_DOMAIN_MISMATCH:
    case ErrorCode.SSO_EMAIL_UNVERIFIED:
    case ErrorCode.SSO_ACCOUNT_NOT_LINKABLE:
    case ErrorCode.SSO_DOMAIN_UNVERIFIED:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.SSO_DOMAIN_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.SSO_DOMAIN_PROOF_MISSING:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.SSO_NOT_CONFIGURED:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.SSO_DOMAIN_TAKEN:
      return HttpStatus.CONFLICT;
    case ErrorCode.SSO_DISCOVERY_FAILED:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.SSO_STATE_INVALID:
    case ErrorCode.SSO_PROVIDER_ERROR:
    case ErrorCode.SSO_TOKEN_INVALID:
      return HttpStatus.BAD_REQUEST;
  }
}
