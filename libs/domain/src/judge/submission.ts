/** What one code submission (a run of a code task or a playground run) may hold. */
export const SUBMISSION_LIMITS = { files: 10, fileBytes: 64 * 1024, totalBytes: 128 * 1024 } as const;

/**
 * The UTF-8 length of a string in bytes, without encoding it. A lone surrogate counts 3 bytes, as
 * the replacement character an encoder writes for it (Node's `Buffer.byteLength`, `TextEncoder`).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Why a submission is refused, or [] when its files are exactly the task's editable files
 * (`expected`), each a string, within SUBMISSION_LIMITS. Names are reported in the submission's
 * order, extra names at most five.
 */
export function submissionProblems(files: Record<string, unknown>, expected: readonly string[]): string[] {
  const names = Object.keys(files);
  const problems: string[] = [];
  if (names.length > SUBMISSION_LIMITS.files) problems.push(`at most ${SUBMISSION_LIMITS.files} files`);
  const missing = expected.filter((name) => !Object.hasOwn(files, name));
  const extra = names.filter((name) => !expected.includes(name));
  if (missing.length > 0) problems.push(`missing file(s): ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`not an editable file of this task: ${extra.slice(0, 5).join(', ')}`);
  let total = 0;
  for (const name of names) {
    const source = files[name];
    if (typeof source !== 'string') {
      problems.push(`${name}: must be a string`);
      continue;
    }
    const bytes = utf8Length(source);
    total += bytes;
    if (bytes > SUBMISSION_LIMITS.fileBytes) problems.push(`${name}: larger than ${SUBMISSION_LIMITS.fileBytes} bytes`);
  }
  if (total > SUBMISSION_LIMITS.totalBytes) problems.push(`files larger than ${SUBMISSION_LIMITS.totalBytes} bytes in all`);
  return problems;
}
