import type { NumericAnswerRule } from '@goprep/domain';
import type { BankQuestion, VerifyCheck } from '../model';
import type { ForeignBody, ForeignQuestion, NumericAnswer, WeightedAnswer } from './foreign';
import type { ProblemList } from './problems';

export type ForeignFormat = 'gift' | 'moodle-xml';

export const FORMAT_LABEL: Record<ForeignFormat, string> = { gift: 'GIFT', 'moodle-xml': 'Moodle XML' };

/**
 * Maps a bank question to the Moodle model. Returns undefined for what has no counterpart
 * (flashcards). Approximations are reported per question; the fields no Moodle format holds
 * (difficulty, go_version, ...) go into notes and are reported once per export by the caller.
 */
export function fromBank(question: BankQuestion, format: ForeignFormat, problems: ProblemList): ForeignQuestion | undefined {
  const label = FORMAT_LABEL[format];
  const warn = (message: string): void => problems.warning(message, undefined, question.sourcePath || question.id);
  const body = bodyFor(question, label, warn);
  if (body === undefined) return undefined;
  const notes = notesFor(question, format, warn);
  return {
    name: question.title,
    category: ['goprep', question.topic, question.subtopic],
    text: question.code !== undefined ? `${question.prompt.trimEnd()}\n\n${goBlock(question.code)}` : question.prompt,
    format: 'markdown',
    ...(question.explanation !== '' ? { generalFeedback: question.explanation } : {}),
    idNumber: question.id,
    tags: [...question.tags],
    notes,
    line: 0,
    body,
  };
}

function bodyFor(question: BankQuestion, label: string, warn: (message: string) => void): ForeignBody | undefined {
  const key = question.key;
  const options = question.options ?? [];
  switch (key.type) {
    case 'single':
      return {
        kind: 'multichoice',
        single: true,
        answers: options.map((option) => answer(option.text, option.id === key.correct ? 100 : 0, option.feedback)),
      };
    case 'multi': {
      const correct = new Set(key.correct);
      const k = Math.max(1, correct.size);
      return {
        kind: 'multichoice',
        single: false,
        answers: options.map((option) => answer(option.text, correct.has(option.id) ? 100 / k : -100 / k, option.feedback)),
      };
    }
    case 'true-false':
      return { kind: 'truefalse', answer: key.answer };
    case 'short': {
      if (key.caseSensitive && label === 'GIFT') warn('case-sensitive matching is not expressible in GIFT; Moodle will ignore case');
      if (key.answers !== undefined) {
        // Graded answers are Moodle's own model: text (with its "*" wildcards), credit and feedback go over as they are.
        return {
          kind: 'shortanswer',
          caseSensitive: key.caseSensitive,
          answers: key.answers.map((rule) => answer(rule.text, rule.credit * 100, rule.feedback)),
        };
      }
      const wildcards = key.pattern !== undefined ? patternToWildcards(key.pattern) : [];
      if (key.pattern !== undefined && wildcards === undefined) {
        warn(`the pattern /${key.pattern}/ is not expressible in ${label}; only the accepted answers were exported`);
      }
      if (key.accepted.length === 0 && (wildcards === undefined || wildcards.length === 0)) {
        warn(`a short answer accepted only through a pattern is not expressible in ${label}; not exported`);
        return undefined;
      }
      return {
        kind: 'shortanswer',
        caseSensitive: key.caseSensitive,
        // Moodle reads "*" in a short answer as a wildcard; a literal one must be escaped.
        answers: [...key.accepted.map((text) => answer(text.replace(/\*/g, '\\*'), 100)), ...(wildcards ?? []).map((text) => answer(text, 100))],
      };
    }
    case 'numeric': {
      if (question.unit !== undefined && label === 'GIFT') warn(`the unit "${question.unit}" is not expressible in GIFT (kept as a comment)`);
      const answers: NumericAnswer[] =
        key.answers !== undefined
          ? key.answers.map((rule) => numericAnswer(rule))
          : [{ match: 'value', value: key.answer, tolerance: key.tolerance, fraction: 100 }];
      if (label === 'Moodle XML' && answers.some((a) => a.match === 'range')) warn('a numeric range is written as value and tolerance in Moodle XML (the same interval)');
      return { kind: 'numerical', answers, ...(question.unit !== undefined ? { unit: question.unit } : {}) };
    }
    case 'code-output': {
      warn(
        `code-output approximated in ${label} as a short answer over the exact output (lines joined by spaces); ` +
          'line-by-line comparison and leading spaces are lost',
      );
      const accepted = [...new Set(key.outputs.map((output) => output.trim().replace(/\s+/g, ' ')))];
      return { kind: 'shortanswer', caseSensitive: true, answers: accepted.map((text) => answer(text.replace(/\*/g, '\\*'), 100)) };
    }
    case 'code-lines': {
      if (question.code === undefined) {
        warn(`code-lines question without its program is not expressible in ${label}; not exported`);
        return undefined;
      }
      warn(`code-lines approximated in ${label} as a multiple-answer choice over "Line N" options`);
      const wanted = new Set(key.lines);
      const k = Math.max(1, wanted.size);
      const answers = question.code
        .replace(/\n$/, '')
        .split('\n')
        .map((text, index) => ({ text, number: index + 1 }))
        .filter(({ text, number }) => text.trim() !== '' || wanted.has(number))
        .map(({ text, number }) => answer(lineLabel(number, text), wanted.has(number) ? 100 / k : -100 / k));
      return { kind: 'multichoice', single: false, answers };
    }
    case 'essay':
      if (label === 'GIFT' && key.rubric.length > 0) warn('the essay rubric is not expressible in GIFT (kept as a comment)');
      return { kind: 'essay', ...(key.rubric.length > 0 ? { graderInfo: key.rubric.map((point) => `- ${point}`).join('\n') } : {}) };
    case 'flashcard':
      warn(`flashcards are not expressible in ${label}; not exported`);
      return undefined;
    case 'code-task':
      warn(`code tasks (judged by running Go tests) are not expressible in ${label}; not exported`);
      return undefined;
    case 'ordering': {
      if (label === 'GIFT') {
        warn('ordering questions are not expressible in GIFT; export as Moodle XML (the ordering question type)');
        return undefined;
      }
      const text = new Map(options.map((option) => [option.id, option.text]));
      return { kind: 'ordering', items: key.order.map((id) => text.get(id) ?? id), gradingType: 'LONGEST_ORDERED_SUBSET' };
    }
    case 'matching': {
      const text = new Map(options.map((option) => [option.id, option.text]));
      const used = new Set(key.pairs.map((pair) => pair.right));
      const distractors = options.filter((option) => option.side === 'right' && !used.has(option.id));
      if (label === 'GIFT' && key.pairs.length < 3) warn('Moodle\'s GIFT import needs at least three matching pairs; this question has two');
      if (distractors.length > 0 && label === 'GIFT') warn('matching distractors (answers that match nothing) are not expressible in GIFT; not exported');
      return {
        kind: 'matching',
        pairs: [
          ...key.pairs.map((pair) => ({ question: text.get(pair.left) ?? pair.left, answer: text.get(pair.right) ?? pair.right })),
          ...(label === 'GIFT' ? [] : distractors.map((option) => ({ question: '', answer: option.text }))),
        ],
      };
    }
  }
}

function numericAnswer(rule: NumericAnswerRule): NumericAnswer {
  const rest = { fraction: rule.credit * 100, ...(rule.feedback !== undefined ? { feedback: rule.feedback } : {}) };
  switch (rule.match) {
    case 'value':
      return { match: 'value', value: rule.value, tolerance: rule.tolerance, ...rest };
    case 'range':
      return { match: 'range', min: rule.min, max: rule.max, ...rest };
    case 'any':
      return { match: 'any', ...rest };
  }
}

function answer(text: string, fraction: number, feedback?: string): WeightedAnswer {
  return { text, fraction, ...(feedback !== undefined ? { feedback } : {}) };
}

function lineLabel(number: number, text: string): string {
  const code = text.trim();
  if (code === '') return `Line ${number}`;
  return code.includes('`') ? `Line ${number}: ${code}` : `Line ${number}: \`${code}\``;
}

function goBlock(code: string): string {
  return `\`\`\`go\n${code.replace(/\n*$/, '')}\n\`\`\``;
}

function notesFor(question: BankQuestion, format: ForeignFormat, warn: (message: string) => void): string[] {
  const notes = [
    `goprep: difficulty ${question.difficulty}, go_version ${question.goVersion}, expected_seconds ${question.expectedSeconds}` +
      (question.draft ? ', draft' : ''),
  ];
  if (question.references.length > 0) notes.push(`references: ${question.references.join(' ')}`);
  if (question.verify.length > 0) notes.push(`verify: ${question.verify.map(describeCheck).join('; ')}`);
  if (question.key.type === 'short' && question.key.pattern !== undefined && patternToWildcards(question.key.pattern) === undefined) notes.push(`pattern: ${question.key.pattern}`);
  // Neither format has an interviewer-only field: Moodle shows general feedback (and hints) to the
  // student, and follow-ups are for the interviewer. A comment is read by whoever opens the file.
  for (const followUp of question.followUps ?? []) {
    // GIFT readers (Moodle's and ours) take "[id:...]" and "[tag:...]" in any comment for the
    // question's id and tags: a space after the bracket keeps a follow-up from being read as one.
    const safe = format === 'gift' ? followUp.replace(/\[(id|tag):/g, '[ $1:') : followUp;
    if (safe !== followUp) warn(`a follow-up with "[id:" or "[tag:" is written with "[ " in GIFT, so that it is not read back as the question's id or a tag`);
    notes.push(`follow-up: ${safe}`);
  }
  if (format === 'gift') {
    if (question.unit !== undefined) notes.push(`unit: ${question.unit}`);
    if (question.key.type === 'essay' && question.key.rubric.length > 0) notes.push(`rubric: ${question.key.rubric.join(' | ')}`);
  }
  return notes;
}

function describeCheck(check: VerifyCheck): string {
  const lines = 'lines' in check && check.lines !== undefined ? ` lines ${check.lines.join(',')}` : '';
  return `${check.kind}${lines}`;
}

/**
 * Patterns that only say "any text here" are Moodle wildcard answers (`go build -race*`); the
 * importer turns wildcards into exactly this form, so they survive a round trip. Anything else is
 * a real regex and has no Moodle equivalent.
 */
export function patternToWildcards(pattern: string): string[] | undefined {
  if (!pattern.startsWith('(?:') || !pattern.endsWith(')')) return undefined;
  const alternatives = pattern.slice(3, -1).split(')|(?:');
  const answers: string[] = [];
  for (const alternative of alternatives) {
    let text = '';
    for (let i = 0; i < alternative.length; i += 1) {
      const ch = alternative[i] as string;
      if (ch === '\\') {
        const next = alternative[i + 1];
        if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
        text += next === '*' ? '\\*' : next;
        i += 1;
      } else if (ch === '.' && alternative[i + 1] === '*') {
        text += '*';
        i += 1;
      } else if ('.*+?^${}()|[]'.includes(ch)) {
        return undefined;
      } else {
        text += ch;
      }
    }
    answers.push(text);
  }
  return answers;
}
