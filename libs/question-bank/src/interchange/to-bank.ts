import { computeContentHash } from '../parse/content-hash';
import { TOPIC_IDS, type BankQuestion, type ChoiceOption, type TopicId } from '../model';
import type { ForeignQuestion, TextFormat, WeightedAnswer } from './foreign';
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
  const where = foreign.name !== undefined ? ` "${foreign.name}"` : '';
  const skip = (why: string): undefined => {
    problems.warning(`question${where} not imported: ${why}`, line);
    return undefined;
  };

  const placement = placeQuestion(foreign, context.topic);
  if (placement === undefined) {
    problems.error(
      `question${where} has no topic: pass --topic or put it under a category naming one of ${TOPIC_IDS.join(', ')}`,
      line,
    );
    return undefined;
  }

  const md = (text: string): string => toMarkdown(text, foreign.format);
  const built = buildBody(foreign, md, skip, (message) => problems.warning(`question${where}: ${message}`, line), (message) =>
    problems.error(`question${where}: ${message}`, line),
  );
  if (built === undefined) return undefined;

  let prompt = md(foreign.text);
  let code: string | undefined;
  const extracted = extractProgram(prompt);
  if (extracted !== undefined && ['single', 'multi', 'true-false', 'short', 'numeric'].includes(built.type)) {
    prompt = extracted.prompt;
    code = extracted.code;
    problems.warning(`question${where}: the Go program in the text became its main.go; add verify checks`, line);
  }

  const title = titleFor(foreign, prompt, (message) => problems.warning(`question${where}: ${message}`, line));
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
      return buildShort(body.answers, body.caseSensitive, warn, error);
    case 'numerical': {
      const full = body.answers.filter((answer) => answer.fraction === 100);
      const chosen = full[0];
      if (chosen === undefined) {
        error('numeric question without an answer worth 100%');
        return undefined;
      }
      const dropped = body.answers.filter((answer) => answer !== chosen);
      if (dropped.length > 0) {
        warn(`only the first 100% numeric answer is kept; ${dropped.length} other answer(s) and their partial credit are lost`);
      }
      if (chosen.feedback !== undefined) warn('numeric answer feedback is not expressible in goprep and was dropped');
      return {
        type: 'numeric',
        key: { type: 'numeric', answer: chosen.value, tolerance: chosen.tolerance },
        ...(body.unit !== undefined && body.unit !== '' ? { unit: body.unit } : {}),
      };
    }
    case 'essay': {
      const rubric = (body.graderInfo === undefined ? '' : md(body.graderInfo))
        .split('\n')
        .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
        .filter((line) => line !== '');
      if (rubric.length === 0) warn('essay without grader information; add a rubric');
      return { type: 'essay', key: { type: 'essay', rubric } };
    }
    case 'matching':
      return skip('matching questions are not expressible in goprep (it has no matching type)');
    case 'unsupported':
      return skip(`Moodle "${body.moodleType}" questions are not expressible in goprep`);
  }
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

function buildShort(
  answers: readonly WeightedAnswer[],
  caseSensitive: boolean,
  warn: (message: string) => void,
  error: (message: string) => void,
): Built | undefined {
  const full = answers.filter((answer) => answer.fraction >= 100);
  const partial = answers.filter((answer) => answer.fraction > 0 && answer.fraction < 100);
  if (partial.length > 0) warn(`partial credit of ${partial.length} short answer(s) is lost; they are not accepted`);
  if (full.length === 0) {
    error('short-answer question without an answer worth 100%');
    return undefined;
  }
  // Moodle's "*" matches any text; goprep says the same with a pattern. "\*" is a literal star.
  const isWildcard = (text: string): boolean => /(^|[^\\])\*/.test(text);
  const literal = (text: string): string => text.replace(/\\\*/g, '*');
  const accepted = full.filter((answer) => !isWildcard(answer.text)).map((answer) => literal(answer.text));
  const wild = full.filter((answer) => isWildcard(answer.text));
  let pattern: string | undefined;
  if (wild.length > 0) {
    pattern = wild.map((answer) => `(?:${wildcardToRegex(answer.text)})`).join('|');
    warn('short answers with the * wildcard became a pattern');
  }
  return {
    type: 'short',
    key: { type: 'short', accepted, caseSensitive, ...(pattern !== undefined ? { pattern } : {}) },
  };
}

function wildcardToRegex(text: string): string {
  return text
    .split(/(?<!\\)\*/)
    .map((part) => part.replace(/\\\*/g, '*').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}
