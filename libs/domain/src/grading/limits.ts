/**
 * Upper bounds on response sizes. They keep a hostile or broken client from making the server
 * store or compare megabytes, and they bound the work of regex matching (see short.ts).
 */
export const RESPONSE_LIMITS = {
  /** Option ids are short slugs (`a`, `b`, ...). */
  choiceLength: 64,
  /** goprep allows at most 8 options; the slack tolerates clients that send duplicates. */
  choices: 64,
  shortText: 1_000,
  codeOutputText: 100_000,
  essayText: 50_000,
  /** Programs are at most ~60 lines; a line number beyond this is certainly wrong. */
  lineNumber: 100_000,
  lines: 1_000,
  /** A code task has a handful of editable files. */
  codeTaskFiles: 16,
  codeTaskFileLength: 100_000,
  /** Matching and ordering questions have a handful of items; the slack tolerates sloppy clients. */
  matchingPairs: 64,
  orderItems: 64,
} as const;

/**
 * Patterns are only tried on normalised answers up to this length. Together with the refusal of
 * nested quantifiers (isSafePattern) it keeps a bad pattern from stalling the event loop.
 */
export const PATTERN_INPUT_LIMIT = 200;
