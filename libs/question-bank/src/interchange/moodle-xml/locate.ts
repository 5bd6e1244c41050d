/**
 * Lines of the `<question>` start tags, in document order. The XML parser returns no positions,
 * so problems about a question would otherwise have no line; comments and CDATA are skipped so
 * that a `<question` inside a text does not count.
 */
export function questionStartLines(source: string): number[] {
  const lines: number[] = [];
  const pattern = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<question\b/g;
  let line = 1;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    const index = match.index ?? 0;
    line += countNewlines(source, last, index);
    last = index;
    if (match[0] === '<question') lines.push(line);
  }
  return lines;
}

export function lineAt(source: string, index: number): number {
  return 1 + countNewlines(source, 0, index);
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) count += 1;
  return count;
}
