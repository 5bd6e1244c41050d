import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** Where the YAML block and the Markdown body of a file start, with 1-based file lines. */
export interface SplitFile {
  yaml: string;
  /** File line of the first YAML line (the line after the opening `---`). */
  yamlStartLine: number;
  body: string;
  /** File line of the first body line. */
  bodyStartLine: number;
}

export type PathElement = string | number;

export interface ParsedFrontMatter {
  data: unknown;
  /** File line of the key (or list item) that `path` names; falls back to the nearest ancestor. */
  lineOf(path: readonly PathElement[]): number;
  errors: { line: number; message: string }[];
}

/** Splits `---\n<yaml>\n---\n<body>`; returns an error with its line when the fences are missing. */
export function splitFrontMatter(text: string): SplitFile | { error: string; line: number } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    return { error: 'file must start with a `---` front matter fence', line: 1 };
  }
  const end = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (end < 0) {
    return { error: 'front matter is not closed by a `---` line', line: 1 };
  }
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlStartLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyStartLine: end + 2,
  };
}

/** Parses the YAML block keeping the node tree, so problems can point at the offending key's line. */
export function parseFrontMatter(split: SplitFile): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + split.yamlStartLine - 1;
  const errors = [...doc.errors, ...doc.warnings].map((error) => ({
    line: toFileLine(error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0] ?? error.message}`,
  }));
  return {
    data: errors.length > 0 ? undefined : doc.toJS(),
    errors,
    lineOf: (path) => lineOfPath(doc, path, toFileLine, split.yamlStartLine),
  };
}

function lineOfPath(
  doc: Document,
  path: readonly PathElement[],
  toFileLine: (offset: number) => number,
  fallback: number,
): number {
  let node: unknown = doc.contents;
  let line = fallback;
  for (const element of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(element));
      if (!pair) return line;
      const key = pair.key as Node;
      if (key.range) line = toFileLine(key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof element === 'number') {
      const item = node.items[element] as Node | undefined;
      if (!item) return line;
      if (item.range) line = toFileLine(item.range[0]);
      node = item;
    } else {
      return line;
    }
  }
  return line;
}
