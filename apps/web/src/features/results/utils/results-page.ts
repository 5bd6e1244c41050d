import type { SetResults } from '../types';

/** Where the page after `last` starts, or undefined when every matching row is loaded. */
export const nextResultsOffset = (last: SetResults): number | undefined => {
  const next = last.offset + last.rows.length;
  return last.rows.length > 0 && next < last.total ? next : undefined;
};
