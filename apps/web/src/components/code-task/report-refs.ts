/** A place in one of the submission's files that a race or leak report names. */
export type ReportRef = { file: string; line: number; text: string };

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits a race or leak report into plain text and references (`worker.go:17`) to the given
 * files, in order. The judge strips work paths, so a frame reads `\tworker.go:17 +0x3c` or
 * `/work/worker.go:17`; a file name that only ends like one of ours (`myworker.go`) is no match,
 * and lines in the hidden tests read "hidden tests" already.
 */
export function reportRefs(text: string, files: readonly string[]): Array<string | ReportRef> {
  if (files.length === 0 || text === '') return text === '' ? [] : [text];
  const names = [...files]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const pattern = new RegExp(`(^|[\\s/(])(${names}):(\\d+)`, 'g');
  const parts: Array<string | ReportRef> = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const lead = match[1] ?? '';
    const start = (match.index ?? 0) + lead.length;
    if (start > last) parts.push(text.slice(last, start));
    const file = match[2] ?? '';
    const line = Number(match[3]);
    parts.push({ file, line, text: `${file}:${line}` });
    last = start + file.length + 1 + (match[3] ?? '').length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
