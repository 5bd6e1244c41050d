/**
 * Text normalisation shared by the text graders. NFC first, so that an "é" typed as one code
 * point and one typed as "e" + combining accent (macOS input methods do this) compare equal.
 */
export function collapseSpace(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

const HAN = '\\u2e80-\\u2fdf\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const SPACE_BEFORE_HAN = new RegExp(` (?=[${HAN}])`, 'g');
const SPACE_AFTER_HAN = new RegExp(`(?<=[${HAN}]) `, 'g');

/**
 * The form short answers are compared in: white space collapsed, full-width ASCII forms (what a
 * Chinese input method types for `（`, `：` or `ｃｌｏｓｅ`) folded to ASCII, and no space next to a
 * Han character: Chinese writers put a space between 关闭 and channel or leave it out, and both
 * mean the same answer. Latin words keep their single spaces.
 */
export function answerForm(text: string): string {
  const folded = text
    .normalize('NFC')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
  return collapseSpace(folded).replace(SPACE_BEFORE_HAN, '').replace(SPACE_AFTER_HAN, '');
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
