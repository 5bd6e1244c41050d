export const SESSION_COOKIE = 'goprep_session';
export const CSRF_COOKIE = 'goprep_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** A guest room member's token (rooms); requests carrying it need no CSRF header. */
export const ROOM_TOKEN_HEADER = 'x-room-token';
