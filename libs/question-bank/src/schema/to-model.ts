import { hasWildcard, unescapeWildcard, type NumericAnswerRule } from '@goprep/domain';
import type { AnswerKey, BankQuestion, ChoiceOption, CodeTask, TopicId, VerifyCheck } from '../model';
import type { QuestionFrontMatter, VerifyCheckFrontMatter } from './front-matter';

/** Body sections and program text that complete the front matter into a question. */
export interface QuestionContent {
  prompt: string;
  explanation: string;
  /** Flashcards only: the back of the card. */
  answer?: string;
  code?: string;
  task?: CodeTask;
  sourcePath: string;
}

export function toVerifyCheck(check: VerifyCheckFrontMatter): VerifyCheck {
  const common = {
    ...(check.env ? { env: check.env } : {}),
    timeoutSeconds: check.timeout_seconds,
    file: check.file,
  };
  switch (check.kind) {
    case 'output':
      return {
        kind: 'output',
        exitCode: check.exit_code,
        runs: check.runs,
        ...(check.gomaxprocs ? { gomaxprocs: check.gomaxprocs } : {}),
        ...(check.stdout_any ? { stdoutAny: check.stdout_any } : {}),
        ...common,
      };
    case 'output-matches':
      return {
        kind: 'output-matches',
        ...(check.stdout_regex ? { stdoutRegex: check.stdout_regex } : {}),
        ...(check.stderr_regex ? { stderrRegex: check.stderr_regex } : {}),
        exitCode: check.exit_code,
        runs: check.runs,
        ...common,
      };
    case 'race':
      return {
        kind: 'race',
        ...(check.lines ? { lines: check.lines } : {}),
        fixed: check.fixed,
        ...(check.runs !== undefined ? { runs: check.runs } : {}),
        ...(check.gomaxprocs ? { gomaxprocs: check.gomaxprocs } : {}),
        ...common,
      };
    case 'deadlock':
      return {
        kind: 'deadlock',
        ...(check.lines ? { lines: check.lines } : {}),
        ...(check.runs !== undefined ? { runs: check.runs } : {}),
        ...(check.gomaxprocs ? { gomaxprocs: check.gomaxprocs } : {}),
        ...common,
      };
    case 'leak':
      return { kind: 'leak', lines: check.lines, settleMs: check.settle_ms, ...common };
    case 'compile-error':
      return { kind: 'compile-error', message: check.message, ...(check.lines ? { lines: check.lines } : {}), ...common };
    case 'vet':
      return { kind: 'vet', analyzer: check.analyzer, ...(check.lines ? { lines: check.lines } : {}), ...common };
    case 'escape':
      return {
        kind: 'escape',
        lines: check.lines,
        exact: check.exact,
        ...(check.not_lines ? { notLines: check.not_lines } : {}),
        ...common,
      };
  }
}

/** The answer key, or an error message when the front matter cannot form one. */
export function toAnswerKey(fm: QuestionFrontMatter, flashcardAnswer: string | undefined): AnswerKey | string {
  switch (fm.type) {
    case 'single': {
      const correct = fm.options.filter((option) => option.correct);
      if (correct.length !== 1 || !correct[0]) return `a single-choice question needs exactly one correct option (found ${correct.length})`;
      return { type: 'single', correct: correct[0].id };
    }
    case 'multi': {
      const correct = fm.options.filter((option) => option.correct).map((option) => option.id);
      if (correct.length === 0) return 'a multi-choice question needs at least one correct option';
      return { type: 'multi', correct };
    }
    case 'true-false':
      return { type: 'true-false', answer: fm.answer };
    case 'short': {
      if (fm.answers !== undefined) {
        const answers = fm.answers.map((rule) => ({ text: rule.text, credit: rule.credit, ...(rule.feedback !== undefined ? { feedback: rule.feedback } : {}) }));
        // `accepted` lists the full-credit literal answers for display; the rules grade.
        const accepted = answers.filter((rule) => rule.credit === 1 && !hasWildcard(rule.text)).map((rule) => unescapeWildcard(rule.text));
        return { type: 'short', accepted, caseSensitive: fm.case_sensitive, answers };
      }
      if (fm.accepted === undefined) return 'a short-answer question needs `accepted` or `answers`';
      return {
        type: 'short',
        accepted: fm.accepted,
        caseSensitive: fm.case_sensitive,
        ...(fm.pattern !== undefined ? { pattern: fm.pattern } : {}),
      };
    }
    case 'numeric': {
      if (fm.answers !== undefined) {
        const answers = fm.answers.map(toNumericRule);
        // `answer`/`tolerance` describe the first full-credit value or range, for display.
        const full = answers.find((rule) => rule.credit === 1 && rule.match !== 'any');
        if (full === undefined || full.match === 'any') return 'a numeric question needs a value or range with credit 1';
        const display = full.match === 'value' ? { answer: full.value, tolerance: full.tolerance } : { answer: (full.min + full.max) / 2, tolerance: (full.max - full.min) / 2 };
        return { type: 'numeric', ...display, answers };
      }
      if (fm.answer === undefined) return 'a numeric question needs `answer` or `answers`';
      return { type: 'numeric', answer: fm.answer, tolerance: fm.tolerance };
    }
    case 'code-output':
      return { type: 'code-output', outputs: fm.outputs };
    case 'code-lines':
      return { type: 'code-lines', lines: [...new Set(fm.lines)].sort((a, b) => a - b) };
    case 'essay':
      return { type: 'essay', rubric: fm.rubric };
    case 'flashcard':
      if (flashcardAnswer === undefined || flashcardAnswer === '') return 'a flashcard needs an `## Answer` section';
      return { type: 'flashcard', answer: flashcardAnswer };
    case 'code-task':
      return { type: 'code-task', scoring: fm.task.scoring };
    case 'ordering':
      return { type: 'ordering', order: fm.items.map((item) => item.id) };
    case 'matching': {
      const right = matchingChoices(fm.pairs, fm.distractors ?? []);
      return { type: 'matching', pairs: fm.pairs.map((pair) => ({ left: pair.id, right: right.idOf.get(pair.match) as string })) };
    }
  }
}

/** The id of the n-th right-hand choice of a matching question (1-based). */
export const matchChoiceId = (n: number): string => `m${n}`;

/**
 * The right-hand choices of a matching question: each distinct `match` text in the order of the
 * pairs, then each distractor not already among them, numbered m1, m2, ... Left items that share
 * a text share the choice (Moodle allows one answer for several subquestions).
 */
export function matchingChoices(
  pairs: readonly { match: string }[],
  distractors: readonly string[],
): { choices: { id: string; text: string }[]; idOf: Map<string, string> } {
  const idOf = new Map<string, string>();
  const choices: { id: string; text: string }[] = [];
  for (const text of [...pairs.map((pair) => pair.match), ...distractors]) {
    if (idOf.has(text)) continue;
    const id = matchChoiceId(choices.length + 1);
    idOf.set(text, id);
    choices.push({ id, text });
  }
  return { choices, idOf };
}

/**
 * Options of the new types. Ordering: the items, stored in key order (delivery always shuffles
 * them). Matching: the left items (`side: 'left'`, author order) then the right-hand choices
 * (`side: 'right'`, shuffled on delivery). `correct` is false throughout: the key says the rest.
 */
function structuredOptions(fm: QuestionFrontMatter): ChoiceOption[] | undefined {
  if (fm.type === 'ordering') return fm.items.map((item) => ({ id: item.id, text: item.text, correct: false }));
  if (fm.type === 'matching') {
    const { choices } = matchingChoices(fm.pairs, fm.distractors ?? []);
    return [
      ...fm.pairs.map((pair) => ({ id: pair.id, text: pair.text, correct: false, side: 'left' as const })),
      ...choices.map((choice) => ({ ...choice, correct: false, side: 'right' as const })),
    ];
  }
  return undefined;
}

/** Maps validated snake_case front matter plus body and code to the camelCase model (without hash). */
export function toBankQuestion(
  fm: QuestionFrontMatter,
  key: AnswerKey,
  content: QuestionContent,
): Omit<BankQuestion, 'contentHash'> {
  const options: ChoiceOption[] | undefined =
    fm.type === 'single' || fm.type === 'multi'
      ? fm.options.map((option) => ({
          id: option.id,
          text: option.text,
          correct: option.correct,
          ...(option.feedback !== undefined ? { feedback: option.feedback } : {}),
        }))
      : structuredOptions(fm);
  const verify = 'verify' in fm && fm.verify ? fm.verify.map(toVerifyCheck) : [];
  return {
    id: fm.id,
    title: fm.title,
    topic: fm.topic as TopicId,
    subtopic: fm.subtopic,
    type: fm.type,
    difficulty: fm.difficulty as BankQuestion['difficulty'],
    tags: fm.tags,
    goVersion: fm.go_version,
    expectedSeconds: fm.expected_seconds,
    references: fm.references,
    prompt: content.prompt,
    explanation: content.explanation,
    ...(options ? { options } : {}),
    ...(fm.type === 'numeric' && fm.unit !== undefined ? { unit: fm.unit } : {}),
    ...(content.code !== undefined ? { code: content.code } : {}),
    ...(content.task !== undefined ? { task: content.task } : {}),
    key,
    ...(fm.follow_ups !== undefined ? { followUps: fm.follow_ups } : {}),
    verify,
    draft: fm.draft,
    sourcePath: content.sourcePath,
  };
}

type NumericRuleInput = NonNullable<Extract<QuestionFrontMatter, { type: 'numeric' }>['answers']>[number];

function toNumericRule(rule: NumericRuleInput): NumericAnswerRule {
  const feedback = rule.feedback !== undefined ? { feedback: rule.feedback } : {};
  if ('any' in rule) return { match: 'any', credit: rule.credit, ...feedback };
  if ('min' in rule) return { match: 'range', min: rule.min, max: rule.max, credit: rule.credit, ...feedback };
  return { match: 'value', value: rule.value, tolerance: rule.tolerance, credit: rule.credit, ...feedback };
}
