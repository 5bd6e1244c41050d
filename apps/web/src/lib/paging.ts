/**
 * Every row of a paged list endpoint: asks page after page (each at most `pageSize` rows, the
 * endpoint's maximum) until a short page says the list is complete.
 */
export async function collectPages<T>(pageSize: number, fetchPage: (offset: number, limit: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await fetchPage(all.length, pageSize);
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}
