import { Matches } from 'class-validator';

/** C0 and C1 control characters and DEL (Unicode category Cc), as a character-class body. */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';
/** The same without tab, line feed and carriage return, for multi-line text (Markdown, comments). */
const CONTROLS_BUT_LINES = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
/** Line and paragraph separators: line breaks in all but name, refused in one-line text. */
const SEPARATORS = '\\u2028\\u2029';
/** JavaScript's \s, spelled out so the OpenAPI pattern means the same in every regex dialect. */
const SPACES = '\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

export interface DisplayTextOptions {
  /** Allows tab, line feed and carriage return (Markdown, comments). */
  multiline?: boolean;
  /** At least one character that is not white space. */
  nonBlank?: boolean;
}

/** The pattern a display string must match: no control characters, and, if asked, not blank. */
export function displayTextPattern(opts: DisplayTextOptions = {}): RegExp {
  const allowed = opts.multiline ? `[^${CONTROLS_BUT_LINES}]` : `[^${CONTROLS}${SEPARATORS}]`;
  if (!opts.nonBlank) return new RegExp(`^${allowed}*$`);
  const visible = opts.multiline ? `[^${CONTROLS_BUT_LINES}${SPACES}]` : `[^${CONTROLS}${SPACES}]`;
  return new RegExp(`^${allowed}*${visible}${allowed}*$`);
}

/** Whether a string shown to people carries control characters. */
export function hasControlCharacters(value: string, opts: Pick<DisplayTextOptions, 'multiline'> = {}): boolean {
  return !displayTextPattern({ multiline: opts.multiline }).test(value);
}

/**
 * A string people see (names, titles, instructions, comments): control characters are refused
 * with 400 rather than stored and echoed into pages, CSV exports and mails. One Matches constraint,
 * so the OpenAPI document carries the same pattern.
 */
export function IsDisplayText(opts: DisplayTextOptions = {}): PropertyDecorator {
  const what = opts.nonBlank ? 'must not be blank or contain control characters' : 'must not contain control characters';
  return Matches(displayTextPattern(opts), { message: `$property ${what}` });
}
