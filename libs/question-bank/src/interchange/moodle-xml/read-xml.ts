import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ForeignBody, ForeignQuestion, NumericAnswer, TextFormat, WeightedAnswer } from '../foreign';
import { parseCategoryPath } from '../gift/read-gift';
import { htmlToMarkdown } from '../html-to-markdown';
import type { ProblemList } from '../problems';
import { lineAt, questionStartLines } from './locate';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['quiz.question', 'quiz.question.answer', 'quiz.question.tags.tag', 'quiz.question.subquestion', 'quiz.question.units.unit', 'quiz.question.hint']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Moodle question types goprep knows of but cannot hold: reported and skipped, not errors. */
const KNOWN_UNSUPPORTED = new Set([
  'description',
  'cloze',
  'multianswer',
  'calculated',
  'calculatedsimple',
  'calculatedmulti',
  'ddwtos',
  'gapselect',
  'ddimageortext',
  'ddmarker',
  'randomsamatch',
  'random',
]);

const FORMATS: Record<string, TextFormat> = {
  html: 'html',
  moodle_auto_format: 'moodle',
  plain_text: 'plain',
  markdown: 'markdown',
};

/**
 * Reads Moodle XML (`<quiz>` with `<question type="...">`). Malformed XML is one error with the
 * parser's line; problems in a question carry the line of its `<question>` tag.
 */
export function readMoodleXml(source: string, problems: ProblemList): ForeignQuestion[] {
  const text = source.replace(/^\uFEFF/, '');
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    // Entity definitions are how "billion laughs" inputs blow up a parser; Moodle never writes them.
    problems.error('DOCTYPE declarations are not accepted in Moodle XML', lineAt(text, doctype.index));
    return [];
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    problems.error(`malformed XML: ${valid.err.msg}`, valid.err.line);
    return [];
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
  });
  const doc = parser.parse(text) as Node;
  const quiz = doc['quiz'];
  if (quiz === undefined) {
    problems.error('the root element must be <quiz>', 1);
    return [];
  }
  const lines = questionStartLines(text);
  const nodes = isNode(quiz) ? asArray(quiz['question']) : [];
  const questions: ForeignQuestion[] = [];
  let category: string[] = [];
  nodes.forEach((node, index) => {
    const line = lines[index] ?? 1;
    problems.currentQuestion = line;
    if (!isNode(node)) {
      problems.refuse('empty <question> element', line);
      return;
    }
    const type = attr(node, 'type');
    if (type === 'category') {
      category = parseCategoryPath(textOf(node['category']));
      return;
    }
    const question = readQuestion(node, type, line, category, problems);
    if (question) questions.push(question);
  });
  problems.currentQuestion = undefined;
  return questions;
}

function readQuestion(node: Node, type: string | undefined, line: number, category: string[], problems: ProblemList): ForeignQuestion | undefined {
  if (type === undefined || type === '') {
    problems.refuse('<question> without a type attribute', line);
    return undefined;
  }
  const questionText = node['questiontext'];
  const format = formatOf(questionText, 'html');
  const name = textOf(node['name']) || undefined;
  const base = {
    ...(name !== undefined ? { name } : {}),
    category: [...category],
    format,
    tags: asArray(isNode(node['tags']) ? node['tags']['tag'] : undefined).map(textOf).filter((tag) => tag !== ''),
    notes: [],
    line,
  };
  const idNumber = textOf(node['idnumber']);
  const generalFeedback = textOf(node['generalfeedback']);
  const common = {
    ...base,
    ...(idNumber !== '' ? { idNumber } : {}),
    ...(generalFeedback !== '' ? { generalFeedback: sameFormat(node['generalfeedback'], format) } : {}),
  };

  if (KNOWN_UNSUPPORTED.has(type)) {
    return { ...common, text: textOf(questionText), body: { kind: 'unsupported', moodleType: type } };
  }
  if (!['multichoice', 'truefalse', 'shortanswer', 'numerical', 'essay', 'matching', 'ordering'].includes(type)) {
    problems.refuse(`unknown question type "${type}"`, line);
    return undefined;
  }
  if (questionText === undefined) {
    problems.refuse(`${type} question without <questiontext>`, line);
    return undefined;
  }
  const body = readBody(node, type, format, line, problems);
  if (!body) return undefined;
  const dropped = droppedSettings(node, type);
  return { ...common, text: textOf(questionText), body, ...(dropped.length > 0 ? { dropped } : {}) };
}

/** Moodle's default penalty for a retry in interactive mode (one third, as Moodle writes it). */
const DEFAULT_PENALTY = [0.3333333, 0.33333333, 0];

/**
 * Settings of a Moodle question that goprep has no place for, each with the reason, so the import
 * report says what was left out. Values Moodle writes by default say nothing and are not listed.
 */
function droppedSettings(node: Node, type: string): string[] {
  const dropped: string[] = [];
  const penalty = textOf(node['penalty']);
  if (penalty !== '' && !DEFAULT_PENALTY.some((value) => Math.abs(Number(penalty) - value) < 1e-6)) {
    dropped.push(`penalty ${penalty} per retry (goprep questions are answered once)`);
  }
  const grade = textOf(node['defaultgrade']);
  if (grade !== '' && Number(grade) !== 1) dropped.push(`default mark ${grade} (points are set per question in a question set)`);
  if (bool(node['hidden'], false)) dropped.push('hidden flag (imported questions are reviewed before use)');
  const files = ['questiontext', 'generalfeedback'].reduce((count, element) => {
    const holder = node[element];
    return count + (isNode(holder) ? asArray(holder['file']).length : 0);
  }, 0);
  if (files > 0) dropped.push(`${files} embedded file(s) (goprep questions are Markdown text; add images by hand)`);
  const hints = asArray(node['hint']).filter((hint) => textOf(hint) !== '');
  if (hints.length > 0) dropped.push(`${hints.length} hint(s) for retries (goprep questions are answered once)`);
  if (type === 'multichoice' || type === 'matching' || type === 'ordering') {
    for (const [element, label] of [
      ['correctfeedback', 'feedback for any correct response'],
      ['partiallycorrectfeedback', 'feedback for any partially correct response'],
      ['incorrectfeedback', 'feedback for any incorrect response'],
    ] as const) {
      const text = textOf(node[element]);
      // Moodle fills these with its own stock sentences on export; only an author's text is worth reporting.
      if (text !== '' && !/^(?:<p>)?Your answer is (?:correct|partially correct|incorrect)\.(?:<\/p>)?$/.test(text)) dropped.push(`${label} "${text.slice(0, 40)}"`);
    }
  }
  return dropped;
}

function readBody(node: Node, type: string, format: TextFormat, line: number, problems: ProblemList): ForeignBody | undefined {
  switch (type) {
    case 'multichoice': {
      const answers = weightedAnswers(node, format, line, problems);
      if (!bool(node['shuffleanswers'], true)) {
        problems.adapt('a fixed answer order is not expressible per question in goprep (shuffling is a question-set setting)', line);
      }
      return answers && { kind: 'multichoice', single: bool(node['single'], true), answers };
    }
    case 'truefalse':
      return readTrueFalse(node, format, line, problems);
    case 'shortanswer': {
      const answers = weightedAnswers(node, format, line, problems, 'plain');
      return answers && { kind: 'shortanswer', caseSensitive: bool(node['usecase'], false), answers };
    }
    case 'numerical':
      return readNumerical(node, format, line, problems);
    case 'essay': {
      const info = textOf(node['graderinfo']);
      return { kind: 'essay', ...(info !== '' ? { graderInfo: sameFormat(node['graderinfo'], format) } : {}) };
    }
    case 'ordering':
      return readOrdering(node, format, line, problems);
    default: {
      const pairs = asArray(node['subquestion'])
        .filter(isNode)
        .map((sub) => ({ question: textOf(sub), answer: textOf(sub['answer']) }))
        .filter((pair) => pair.question !== '' || pair.answer !== '');
      return { kind: 'matching', pairs };
    }
  }
}

/**
 * The ordering plugin stores each item's place in the correct order in the answer's `fraction`
 * (1, 2, 3, ...); items are sorted by it, keeping the document order where it ties.
 */
function readOrdering(node: Node, format: TextFormat, line: number, problems: ProblemList): ForeignBody | undefined {
  const items: { text: string; place: number; index: number }[] = [];
  asArray(node['answer']).forEach((answer, index) => {
    if (!isNode(answer)) return;
    const place = Number(attr(answer, 'fraction') ?? index + 1);
    const text = convert(textOf(answer), formatOf(answer, format), format);
    if (text !== '') items.push({ text, place: Number.isFinite(place) ? place : index + 1, index });
  });
  if (items.length < 2) {
    problems.refuse('an ordering question needs at least two items', line);
    return undefined;
  }
  items.sort((a, b) => a.place - b.place || a.index - b.index);
  const gradingType = textOf(node['gradingtype']);
  return { kind: 'ordering', items: items.map((item) => item.text), ...(gradingType !== '' ? { gradingType } : {}) };
}

function weightedAnswers(
  node: Node,
  format: TextFormat,
  line: number,
  problems: ProblemList,
  answerDefault: TextFormat = format,
): WeightedAnswer[] | undefined {
  const answers: WeightedAnswer[] = [];
  let failed = false;
  for (const answer of asArray(node['answer'])) {
    if (!isNode(answer)) continue;
    const fraction = fractionOf(answer, line, problems);
    if (fraction === undefined) {
      failed = true;
      continue;
    }
    const feedback = textOf(answer['feedback']);
    answers.push({
      text: convert(textOf(answer), formatOf(answer, answerDefault), format),
      fraction,
      ...(feedback !== '' ? { feedback: sameFormat(answer['feedback'], format) } : {}),
    });
  }
  return failed ? undefined : answers;
}

function readTrueFalse(node: Node, format: TextFormat, line: number, problems: ProblemList): ForeignBody | undefined {
  const answers = asArray(node['answer']).filter(isNode);
  const find = (value: string): Node | undefined => answers.find((answer) => textOf(answer).toLowerCase() === value);
  const yes = find('true');
  const no = find('false');
  if (yes === undefined || no === undefined) {
    problems.refuse('a truefalse question needs a "true" and a "false" answer', line);
    return undefined;
  }
  const yesFraction = fractionOf(yes, line, problems);
  if (yesFraction === undefined) return undefined;
  const feedbackTrue = textOf(yes['feedback']);
  const feedbackFalse = textOf(no['feedback']);
  return {
    kind: 'truefalse',
    answer: yesFraction > 0,
    ...(feedbackTrue !== '' ? { feedbackTrue: sameFormat(yes['feedback'], format) } : {}),
    ...(feedbackFalse !== '' ? { feedbackFalse: sameFormat(no['feedback'], format) } : {}),
  };
}

function readNumerical(node: Node, format: TextFormat, line: number, problems: ProblemList): ForeignBody | undefined {
  const answers: NumericAnswer[] = [];
  let failed = false;
  for (const answer of asArray(node['answer'])) {
    if (!isNode(answer)) continue;
    const raw = textOf(answer);
    const fraction = fractionOf(answer, line, problems);
    if (fraction === undefined) {
      failed = true;
      continue;
    }
    if (fraction < 0) {
      problems.refuse(`numeric answers earn 0% to 100%; fraction "${fraction}" of answer "${raw}" is negative`, line);
      failed = true;
      continue;
    }
    const feedbackText = textOf(answer['feedback']);
    const feedback = feedbackText !== '' ? { feedback: sameFormat(answer['feedback'], format) } : {};
    if (raw === '*') {
      // Moodle's catch-all: the grade and feedback for every answer no other entry matches.
      answers.push({ match: 'any', fraction, ...feedback });
      continue;
    }
    const tolerance = textOf(answer['tolerance']) || '0';
    if (!NUMBER.test(raw) || !NUMBER.test(tolerance) || Number(tolerance) < 0) {
      problems.refuse(`bad numeric answer "${raw}" with tolerance "${tolerance}": expected numbers, tolerance >= 0`, line);
      failed = true;
      continue;
    }
    answers.push({ match: 'value', value: Number(raw), tolerance: Number(tolerance), fraction, ...feedback });
  }
  if (failed) return undefined;
  const units = asArray(isNode(node['units']) ? node['units']['unit'] : undefined).filter(isNode);
  const base = units.find((unit) => Number(textOf(unit['multiplier']) || '1') === 1);
  const unit = base ? textOf(base['unit_name']) : '';
  return { kind: 'numerical', answers, ...(unit !== '' ? { unit } : {}) };
}

function fractionOf(answer: Node, line: number, problems: ProblemList): number | undefined {
  const raw = attr(answer, 'fraction') ?? '0';
  const fraction = Number(raw);
  if (!NUMBER.test(raw.trim()) || fraction < -100 || fraction > 100) {
    problems.refuse(`bad answer fraction "${raw}": expected a percentage between -100 and 100`, line);
    return undefined;
  }
  return fraction;
}

/** Text of an element: a plain value, or its `<text>` child. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node).trim();
  if (Array.isArray(node)) return textOf(node[0]);
  if (isNode(node)) {
    if ('text' in node) return textOf(node['text']);
    if ('#text' in node) return textOf(node['#text']);
  }
  return '';
}

function formatOf(node: unknown, fallback: TextFormat): TextFormat {
  const raw = isNode(node) ? attr(node, 'format') : undefined;
  return (raw !== undefined ? FORMATS[raw] : undefined) ?? fallback;
}

/** Feedback may carry its own format; bring it to the question's so one conversion applies later. */
function sameFormat(node: unknown, questionFormat: TextFormat): string {
  return convert(textOf(node), formatOf(node, questionFormat), questionFormat);
}

function convert(text: string, from: TextFormat, to: TextFormat): string {
  return from === 'html' && to !== 'html' ? htmlToMarkdown(text) : text;
}

function attr(node: Node, name: string): string | undefined {
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

function bool(node: unknown, fallback: boolean): boolean {
  const value = textOf(node).toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fallback;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
