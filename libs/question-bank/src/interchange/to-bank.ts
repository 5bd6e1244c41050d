import { hasWildcard, unescapeWildcard, type NumericAnswerRule, type ShortAnswerRule } from '@goprep/domain';
import { computeContentHash } from '../parse/content-hash';
import { matchingChoices } from '../schema/to-model';
import { TOPIC_IDS, type BankQuestion, type ChoiceOption, type TopicId } from '../model';
import type { ForeignQuestion, NumericAnswer, TextFormat, WeightedAnswer } from './foreign';
import { htmlToMarkdown } from './html-to-markdown';
import { deriveId, isKebab, kebab, TOPIC_PREFIX } from './ids';
import type { ProblemList } from './problems';

/** What imported questions get for the fields the foreign formats do not have. */
export const IMPORT_DEFAULTS = {
  difficulty: 3,
  expectedSeconds: 60,
  goVersion: '1.26',
  reviewTag: 'needs-review',
  subtopic: 'imported',
} as const;

const MAX_TITLE = 100;
const OPTION_IDS = 'abcdefgh';

export interface ToBankContext {
  topic?: TopicId;
  /** Ids given so far in this import, so two questions never share one. */
  taken: Set<string>;
  problems: ProblemList;
}

type Built = Pick<BankQuestion, 'type' | 'key'> & Partial<Pick<BankQuestion, 'options' | 'unit'>> & { extraExplanation?: string };

/**
 * Maps one question read from GIFT or Moodle XML to a bank question with defaults for what the
 * format lacks. Returns undefined when the question cannot become a goprep question (reported as
 * a warning when it is merely not expressible, as an error when the input is wrong).
 */
export function toBank(foreign: ForeignQuestion, context: ToBankContext): BankQuestion | undefined {
  const { problems } = context;
  const line = foreign.line;
  problems.currentQuestion = line;
  try {
    return mapQuestion(foreign, context);
  } finally {
    problems.currentQuestion = undefined;
  }
}

function mapQuestion(foreign: ForeignQuestion, context: ToBankContext): BankQuestion | undefined {
  const { problems } = context;
  const line = foreign.line;
  const where = foreign.name !== undefined ? ` "${foreign.name}"` : '';
  const skip = (why: string): undefined => {
    problems.skip(`question${where} not imported: ${why}`, line);
    return undefined;
  };
  const adapt = (message: string): void => problems.adapt(`question${where}: ${message}`, line);

  const placement = placeQuestion(foreign, context.topic);
  if (placement === undefined) {
    problems.refuse(
      `question${where} has no topic: pass --topic or put it under a category naming one of ${TOPIC_IDS.join(', ')}`,
      line,
    );
    return undefined;
  }

  const md = (text: string): string => toMarkdown(text, foreign.format);
  const todo = (message: string): void => problems.warning(`question${where}: ${message}`, line);
  const built = buildBody(foreign, md, skip, adapt, todo, (message) => problems.refuse(`question${where}: ${message}`, line));
  if (built === undefined) return undefined;
  for (const setting of foreign.dropped ?? []) adapt(`not kept: ${setting}`);

  let prompt = md(foreign.text);
  let code: string | undefined;
  const extracted = extractProgram(prompt);
  if (extracted !== undefined && ['single', 'multi', 'true-false', 'short', 'numeric'].includes(built.type)) {
    prompt = extracted.prompt;
    code = extracted.code;
    adapt('the Go program in the text became its main.go; add verify checks');
  }

  const title = titleFor(foreign, prompt, adapt);
  const ownId =
    foreign.idNumber !== undefined && isKebab(foreign.idNumber) && foreign.idNumber.startsWith(`${TOPIC_PREFIX[placement.topic]}-`)
      ? foreign.idNumber
      : undefined;
  const id = deriveId(placement.topic, [ownId, title, prompt], context.taken);

  let explanation = foreign.generalFeedback !== undefined ? md(foreign.generalFeedback) : '';
  if (built.extraExplanation !== undefined) explanation = `${explanation}\n\n${built.extraExplanation}`.trim();
  if (explanation === '') problems.warning(`question${where}: no general feedback; write the explanation (at least three sentences)`, line);
  problems.warning(`question${where}: no references; the author must add at least one primary source`, line);

  const tags = [...new Set([...foreign.tags.map(kebab).filter((tag) => tag !== ''), IMPORT_DEFAULTS.reviewTag])];
  const question: Omit<BankQuestion, 'contentHash'> = {
    id,
    title,
    topic: placement.topic,
    subtopic: placement.subtopic,
    type: built.type,
    difficulty: IMPORT_DEFAULTS.difficulty,
    tags,
    goVersion: IMPORT_DEFAULTS.goVersion,
    expectedSeconds: IMPORT_DEFAULTS.expectedSeconds,
    references: [],
    prompt,
    explanation,
    ...(built.options !== undefined ? { options: built.options } : {}),
    ...(built.unit !== undefined ? { unit: built.unit } : {}),
    ...(code !== undefined ? { code } : {}),
    key: built.key,
    verify: [],
    draft: false,
    sourcePath: `libs/question-bank/bank/${placement.topic}/${id}.md`,
  };
  return { ...question, contentHash: computeContentHash(question) };
}

function placeQuestion(foreign: ForeignQuestion, forced: TopicId | undefined): { topic: TopicId; subtopic: string } | undefined {
  const segments = foreign.category.map((segment) => segment.trim());
  let index = -1;
  segments.forEach((segment, i) => {
    if ((TOPIC_IDS as readonly string[]).includes(segment)) index = i;
  });
  const fromCategory = index >= 0 ? (segments[index] as TopicId) : undefined;
  const topic = forced ?? fromCategory;
  if (topic === undefined) return undefined;
  const next = topic === fromCategory ? segments[index + 1] : undefined;
  const subtopic = next !== undefined && kebab(next) !== '' ? kebab(next) : IMPORT_DEFAULTS.subtopic;
  return { topic, subtopic };
}

function toMarkdown(text: string, format: TextFormat): string {
  return format === 'html' ? htmlToMarkdown(text) : text.trim();
}

function titleFor(foreign: ForeignQuestion, prompt: string, warn: (message: string) => void): string {
  const name = foreign.name?.replace(/\s+/g, ' ').trim();
  if (name !== undefined && name !== '') {
    if (name.length <= MAX_TITLE) return name;
    warn(`title shortened to ${MAX_TITLE} characters`);
    return shorten(name);
  }
  // Moodle names an untitled question after its text; do the same, on the first line only.
  const firstLine = prompt.split('\n').find((line) => line.trim() !== '') ?? 'Imported question';
  return shorten(firstLine.replace(/[`*_#>]/g, '').replace(/\s+/g, ' ').trim() || 'Imported question');
}

function shorten(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_TITLE / 2 ? cut.slice(0, space) : cut}…`;
}

/** A ```go fence holding a main package, as the exporter writes code questions. */
function extractProgram(prompt: string): { prompt: string; code: string } | undefined {
  const fences = [...prompt.matchAll(/```go[ \t]*\n([\s\S]*?)\n?```/g)];
  const only = fences[0];
  if (fences.length !== 1 || only === undefined || !/^package main\b/m.test(only[1] as string)) return undefined;
  const code = `${(only[1] as string).replace(/\n*$/, '')}\n`;
  const rest = `${prompt.slice(0, only.index)}${prompt.slice((only.index ?? 0) + only[0].length)}`.replace(/\n{3,}/g, '\n\n').trim();
  return { prompt: rest, code };
}

function buildBody(
  foreign: ForeignQuestion,
  md: (text: string) => string,
  skip: (why: string) => undefined,
  warn: (message: string) => void,
  todo: (message: string) => void,
  error: (message: string) => void,
): Built | undefined {
  const body = foreign.body;
  switch (body.kind) {
    case 'multichoice':
      return body.single ? buildSingle(body.answers, md, skip, warn, error) : buildMulti(body.answers, md, skip, warn, error);
    case 'truefalse': {
      const notes = [
        body.feedbackTrue !== undefined ? `If you answered true: ${md(body.feedbackTrue)}` : undefined,
        body.feedbackFalse !== undefined ? `If you answered false: ${md(body.feedbackFalse)}` : undefined,
      ].filter((note): note is string => note !== undefined);
      if (notes.length > 0) warn('true/false answer feedback moved into the explanation');
      return {
        type: 'true-false',
        key: { type: 'true-false', answer: body.answer },
        ...(notes.length > 0 ? { extraExplanation: notes.join('\n\n') } : {}),
      };
    }
    case 'shortanswer':
      return buildShort(body.answers, body.caseSensitive, md, warn, error);
    case 'numerical':
      return buildNumeric(body.answers, body.unit, md, warn, error);
    case 'essay': {
      const rubric = (body.graderInfo === undefined ? '' : md(body.graderInfo))
        .split('\n')
        .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
        .filter((line) => line !== '');
      if (rubric.length === 0) todo('essay without grader information; add a rubric');
      return { type: 'essay', key: { type: 'essay', rubric } };
    }
    case 'matching':
      return buildMatching(body.pairs, md, skip);
    case 'ordering':
      if (body.gradingType !== undefined && body.gradingType !== 'LONGEST_ORDERED_SUBSET') {
        warn(`Moodle grading "${body.gradingType}" became goprep's longest-ordered-subset grading`);
      }
      return buildOrdering(body.items, md, skip);
    case 'unsupported':
      return skip(`Moodle "${body.moodleType}" questions are not expressible in goprep`);
  }
}

const ITEM_IDS = 'abcdefghijkl';

function buildOrdering(items: readonly string[], md: (text: string) => string, skip: (why: string) => undefined): Built | undefined {
  if (items.length < 3) return skip('goprep ordering questions need at least three items');
  if (items.length > ITEM_IDS.length) return skip(`goprep ordering questions have at most ${ITEM_IDS.length} items`);
  const ids = items.map((_, index) => ITEM_IDS[index] as string);
  return {
    type: 'ordering',
    key: { type: 'ordering', order: ids },
    options: items.map((text, index) => ({ id: ids[index] as string, text: md(text), correct: false })),
  };
}

/** Moodle's subquestions with a text are the left items; those without one are distractors. */
function buildMatching(
  pairs: readonly { question: string; answer: string }[],
  md: (text: string) => string,
  skip: (why: string) => undefined,
): Built | undefined {
  const left = pairs.filter((pair) => pair.question.trim() !== '' && pair.answer.trim() !== '');
  const distractors = pairs.filter((pair) => pair.question.trim() === '' && pair.answer.trim() !== '').map((pair) => md(pair.answer));
  if (left.length < 2) return skip('a matching question needs at least two pairs');
  if (left.length > ITEM_IDS.length) return skip(`goprep matching questions have at most ${ITEM_IDS.length} pairs`);
  const { choices, idOf } = matchingChoices(left.map((pair) => ({ match: md(pair.answer) })), distractors);
  const ids = left.map((_, index) => ITEM_IDS[index] as string);
  return {
    type: 'matching',
    key: { type: 'matching', pairs: left.map((pair, index) => ({ left: ids[index] as string, right: idOf.get(md(pair.answer)) as string })) },
    options: [
      ...left.map((pair, index) => ({ id: ids[index] as string, text: md(pair.question), correct: false, side: 'left' as const })),
      ...choices.map((choice) => ({ ...choice, correct: false, side: 'right' as const })),
    ],
  };
}

function options(answers: readonly WeightedAnswer[], md: (text: string) => string, correct: (answer: WeightedAnswer) => boolean): ChoiceOption[] {
  return answers.map((answer, index) => ({
    id: OPTION_IDS[index] as string,
    text: md(answer.text),
    correct: correct(answer),
    ...(answer.feedback !== undefined && answer.feedback.trim() !== '' ? { feedback: md(answer.feedback) } : {}),
  }));
}

function optionCountProblem(answers: readonly WeightedAnswer[], skip: (why: string) => undefined): boolean {
  if (answers.length < 2 || answers.length > OPTION_IDS.length) {
    skip(`goprep choice questions have 2-8 options, this one has ${answers.length}`);
    return true;
  }
  return false;
}

function buildSingle(
  answers: readonly WeightedAnswer[],
  md: (text: string) => string,
  skip: (why: string) => undefined,
  warn: (message: string) => void,
  error: (message: string) => void,
): Built | undefined {
  if (optionCountProblem(answers, skip)) return undefined;
  const full = answers.filter((answer) => answer.fraction >= 100);
  if (full.length > 1) return skip('more than one answer is fully correct, but a goprep single choice has exactly one');
  let best = full[0];
  if (best === undefined) {
    const positive = answers.filter((answer) => answer.fraction > 0).sort((a, b) => b.fraction - a.fraction);
    best = positive[0];
    if (best === undefined) {
      error('choice question without a correct answer');
      return undefined;
    }
    warn(`no answer is worth 100%; the best one (${best.fraction}%) becomes the correct option`);
  }
  for (const answer of answers) {
    if (answer !== best && answer.fraction !== 0) {
      warn(`the ${answer.fraction}% credit for "${answer.text.slice(0, 40)}" is lost: goprep single choice is all or nothing`);
    }
  }
  const chosen = best;
  const opts = options(answers, md, (answer) => answer === chosen);
  const correct = opts.find((option) => option.correct)?.id as string;
  return { type: 'single', key: { type: 'single', correct }, options: opts };
}

function buildMulti(
  answers: readonly WeightedAnswer[],
  md: (text: string) => string,
  skip: (why: string) => undefined,
  warn: (message: string) => void,
  error: (message: string) => void,
): Built | undefined {
  if (optionCountProblem(answers, skip)) return undefined;
  const right = answers.filter((answer) => answer.fraction > 0);
  if (right.length === 0) {
    error('multiple-answer question without a correct answer');
    return undefined;
  }
  const k = right.length;
  const close = (a: number, b: number): boolean => Math.abs(a - b) < 0.01;
  const uniform = answers.every((answer) => (answer.fraction > 0 ? close(answer.fraction, 100 / k) : close(answer.fraction, -100 / k)));
  if (!uniform) warn('the answer weights differ from goprep multi scoring (+1/k per correct pick, -1/k per wrong pick)');
  const opts = options(answers, md, (answer) => answer.fraction > 0);
  return {
    type: 'multi',
    key: { type: 'multi', correct: opts.filter((option) => option.correct).map((option) => option.id) },
    options: opts,
  };
}

/** Moodle grades 0..100; goprep credits 0..1, kept to seven decimals as Moodle writes 33.33333. */
function creditOf(fraction: number): number {
  return Number((fraction / 100).toFixed(7));
}

/** Moodle grades with the first matching answer, goprep with the best: the same unless a weaker answer comes first. */
function warnOnOrder(credits: readonly number[], warn: (message: string) => void): void {
  const later = credits.findIndex((credit, index) => credits.slice(0, index).some((earlier) => earlier < credit));
  if (later > 0) {
    warn(`answer ${later + 1} gives more credit than an answer listed before it; Moodle grades with the first matching answer, goprep with the best one`);
  }
}

function buildShort(
  answers: readonly WeightedAnswer[],
  caseSensitive: boolean,
  md: (text: string) => string,
  warn: (message: string) => void,
  error: (message: string) => void,
): Built | undefined {
  const negative = answers.find((answer) => answer.fraction < 0);
  if (negative !== undefined) {
    error(`short answers earn 0% to 100%; "${negative.text}" has ${negative.fraction}%`);
    return undefined;
  }
  if (!answers.some((answer) => answer.fraction >= 100)) {
    error('short-answer question without an answer worth 100%');
    return undefined;
  }
  const plain = answers.every((answer) => answer.fraction === 100 && answer.feedback === undefined && !hasWildcard(answer.text));
  if (plain) {
    return { type: 'short', key: { type: 'short', accepted: answers.map((answer) => unescapeWildcard(answer.text)), caseSensitive } };
  }
  // Credit, feedback or Moodle's "*" wildcard: keep every answer as Moodle wrote it.
  const rules: ShortAnswerRule[] = answers.map((answer) => ({
    text: answer.text,
    credit: creditOf(answer.fraction),
    ...(answer.feedback !== undefined && answer.feedback.trim() !== '' ? { feedback: md(answer.feedback) } : {}),
  }));
  warnOnOrder(rules.map((rule) => rule.credit), warn);
  const accepted = rules.filter((rule) => rule.credit === 1 && !hasWildcard(rule.text)).map((rule) => unescapeWildcard(rule.text));
  return { type: 'short', key: { type: 'short', accepted, caseSensitive, answers: rules } };
}

function buildNumeric(
  answers: readonly NumericAnswer[],
  unit: string | undefined,
  md: (text: string) => string,
  warn: (message: string) => void,
  error: (message: string) => void,
): Built | undefined {
  const withUnit = unit !== undefined && unit !== '' ? { unit } : {};
  const full = answers.find((answer) => answer.fraction === 100 && answer.match !== 'any');
  if (full === undefined || full.match === 'any') {
    error('numeric question without a value or range worth 100%');
    return undefined;
  }
  if (answers.length === 1 && full.match === 'value' && full.feedback === undefined) {
    return { type: 'numeric', key: { type: 'numeric', answer: full.value, tolerance: full.tolerance }, ...withUnit };
  }
  const rules: NumericAnswerRule[] = answers.map((answer) => {
    const credit = creditOf(answer.fraction);
    const feedback = answer.feedback !== undefined && answer.feedback.trim() !== '' ? { feedback: md(answer.feedback) } : {};
    switch (answer.match) {
      case 'value':
        return { match: 'value', value: answer.value, tolerance: answer.tolerance, credit, ...feedback };
      case 'range':
        return { match: 'range', min: answer.min, max: answer.max, credit, ...feedback };
      case 'any':
        return { match: 'any', credit, ...feedback };
    }
  });
  // The catch-all matches everything by design; only the order among real answers can differ from Moodle.
  warnOnOrder(rules.filter((rule) => rule.match !== 'any').map((rule) => rule.credit), warn);
  const display = full.match === 'value' ? { answer: full.value, tolerance: full.tolerance } : { answer: (full.min + full.max) / 2, tolerance: (full.max - full.min) / 2 };
  return { type: 'numeric', key: { type: 'numeric', ...display, answers: rules }, ...withUnit };
}
