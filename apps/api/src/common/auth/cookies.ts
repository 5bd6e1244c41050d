export const SESSION_COOKIE = 'goprep_session';
export const CSRF_COOKIE = 'goprep_csrf';
export const CSRF_HEADER = 'x-csrf-token';
