/**
 * Search terms for text Postgres' full-text parsers cannot split: Chinese has no spaces, and the
 * `simple`/`english` configurations index a whole run of Han characters as one word. A run is
 * indexed as its overlapping character pairs (a lone character as itself) and Latin words as
 * lowercase words; a query matches a text when every one of its terms is among the text's. Pairs
 * make a two-character word (内存, 调度) findable inside a longer run without a dictionary.
 */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9][a-z0-9_.-]*[a-z0-9]|[a-z0-9]/g;

export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  const lower = text.toLowerCase();
  for (const run of lower.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(run);
    for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  }
  for (const word of lower.replace(HAN_RUN, ' ').match(WORD) ?? []) grams.add(word);
  return [...grams];
}

/** Whether a query needs the gram search: it has Han characters the English parser cannot split. */
export function hasHan(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}
