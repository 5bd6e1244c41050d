/**
 * The results CSV's file name: the set's title and the day of the download, so that a folder of
 * exports reads as a list of sets and dates ("backend-screen-results-2026-12-06.csv") rather than
 * of ids. Letters of any script stay (a Chinese title keeps its characters); everything else that a
 * file system could object to becomes a single dash.
 */
export function resultsCsvName(title: string | undefined, day: Date): string {
  const slug = (title ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  return `${slug ? `${slug}-` : ''}results-${date}.csv`;
}
