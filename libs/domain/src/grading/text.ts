/**
 * Text normalisation shared by the text graders. NFC first, so that an "é" typed as one code
 * point and one typed as "e" + combining accent (macOS input methods do this) compare equal.
 */
export function collapseSpace(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Lines for output comparison: CRLF and lone CR become LF (Windows clipboards), trailing white
 * space of each line goes, and trailing empty lines go; leading white space stays because
 * indentation is part of what a program prints.
 */
export function outputLines(text: string): string[] {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
