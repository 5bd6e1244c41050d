import type { ForeignBody, ForeignQuestion, NumericAnswer, NumericMatch, TextFormat, WeightedAnswer } from '../foreign';
import { htmlToMarkdown } from '../html-to-markdown';
import type { ProblemList } from '../problems';
import { indexOfUnescaped, isAt, skipSpace, splitUnescaped, str, tokenize, type Tok } from './tokens';

interface Block {
  lines: { text: string; line: number }[];
  comments: string[];
}

const FORMATS: Record<string, TextFormat> = { html: 'html', moodle: 'moodle', plain: 'plain', markdown: 'markdown' };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads GIFT (Moodle's "General Import Format Template"). Questions are blocks separated by blank
 * lines; `//` lines are comments (Moodle reads `[id:...]` and `[tag:...]` from them);
 * `$CATEGORY:` switches the category. Every problem found is recorded with its line; the caller
 * decides what an error means for the whole import.
 */
export function readGift(source: string, problems: ProblemList): ForeignQuestion[] {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const questions: ForeignQuestion[] = [];
  let category: string[] = [];
  let block: Block = { lines: [], comments: [] };

  const flush = (): void => {
    if (block.lines.length > 0) {
      problems.currentQuestion = block.lines[0]?.line;
      const question = readQuestion(block, category, problems);
      if (question) questions.push(question);
      problems.currentQuestion = undefined;
    }
    block = { lines: [], comments: [] };
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      flush();
    } else if (trimmed.startsWith('//')) {
      block.comments.push(trimmed.slice(2).trim());
    } else if (trimmed.startsWith('$CATEGORY:')) {
      flush();
      category = parseCategoryPath(trimmed.slice('$CATEGORY:'.length));
    } else {
      block.lines.push({ text: raw, line });
    }
  });
  flush();
  return questions;
}

/** `$course$/top/goprep/channels` -> ["goprep", "channels"]: Moodle's context prefixes carry no meaning here. */
export function parseCategoryPath(path: string): string[] {
  return path
    .trim()
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment, index) => segment !== '' && !/^\$\w+\$$/.test(segment) && !(index <= 1 && segment === 'top'));
}

function readQuestion(block: Block, category: string[], problems: ProblemList): ForeignQuestion | undefined {
  const toks = tokenize(block.lines);
  const startLine = block.lines[0]?.line ?? 1;
  let i = skipSpace(toks, 0);

  let name: string | undefined;
  if (isAt(toks, i, ':') && isAt(toks, i + 1, ':')) {
    const end = findPair(toks, i + 2, ':');
    if (end < 0) {
      problems.refuse('question title opened with "::" is never closed with "::"', startLine);
      return undefined;
    }
    name = str(toks.slice(i + 2, end)).trim();
    i = skipSpace(toks, end + 2);
  }

  let format: TextFormat = 'moodle';
  const formatMatch = /^\[(\w+)\]/.exec(str(toks.slice(i, i + 12)));
  if (formatMatch && FORMATS[formatMatch[1] as string] && !toks.slice(i, i + formatMatch[0].length).some((t) => t.esc)) {
    format = FORMATS[formatMatch[1] as string] as TextFormat;
    i += formatMatch[0].length;
  }

  const open = indexOfUnescaped(toks, '{', i);
  const strayClose = indexOfUnescaped(toks, '}', i, open < 0 ? toks.length : open);
  if (strayClose >= 0) {
    problems.refuse('"}" without a matching "{" (escape a literal brace as \\})', toks[strayClose]?.line);
    return undefined;
  }
  const base = { name, category: [...category], format, tags: [] as string[], notes: [], line: startLine };
  applyComments(base, block.comments);

  if (open < 0) {
    return { ...base, text: str(toks.slice(i)).trim(), body: { kind: 'unsupported', moodleType: 'description' } };
  }
  const openLine = toks[open]?.line ?? startLine;
  const close = indexOfUnescaped(toks, '}', open + 1);
  const nested = indexOfUnescaped(toks, '{', open + 1, close < 0 ? toks.length : close);
  if (nested >= 0) {
    problems.refuse(`"{" inside the answer block opened on line ${openLine} (escape a literal brace as \\{)`, toks[nested]?.line);
    return undefined;
  }
  if (close < 0) {
    problems.refuse(`unclosed brace: the answer block opened on line ${openLine} is never closed with "}"`, openLine);
    return undefined;
  }
  const after = toks.slice(close + 1);
  const secondOpen = indexOfUnescaped(after, '{');
  const secondClose = indexOfUnescaped(after, '}');
  if (secondOpen >= 0 || secondClose >= 0) {
    const at = after[secondOpen >= 0 ? secondOpen : secondClose];
    problems.refuse('a question may have only one answer block', at?.line);
    return undefined;
  }

  const before = str(toks.slice(i, open));
  const rest = str(after);
  // Text on both sides of the braces is Moodle's "missing word" form: the blank goes where the braces were.
  const text = rest.trim() === '' ? before.trim() : `${before.trimEnd()} _____ ${rest.trimStart()}`.trim();
  const parsed = readAnswerBlock(toks.slice(open + 1, close), openLine, problems);
  if (!parsed) return undefined;
  const inFormat = (part: string): string => partInFormat(part, format);
  return {
    ...base,
    text,
    ...(parsed.generalFeedback !== undefined ? { generalFeedback: inFormat(parsed.generalFeedback) } : {}),
    body: bodyInFormat(parsed.body, inFormat),
  };
}

function findPair(toks: readonly Tok[], from: number, ch: string): number {
  for (let j = from; j < toks.length - 1; j += 1) if (isAt(toks, j, ch) && isAt(toks, j + 1, ch)) return j;
  return -1;
}

/** Moodle reads `[id:...]` and `[tag:...]` from the comments of a question. */
function applyComments(question: { idNumber?: string; tags: string[] }, comments: readonly string[]): void {
  for (const comment of comments) {
    const id = /\[id:((?:\\.|[^\]\\])+)\]/.exec(comment);
    if (id && question.idNumber === undefined) question.idNumber = unescapeBracket(id[1] as string);
    for (const tag of comment.matchAll(/\[tag:((?:\\.|[^\]\\])+)\]/g)) question.tags.push(unescapeBracket(tag[1] as string));
  }
}

function unescapeBracket(value: string): string {
  return value.replace(/\\(.)/g, '$1').trim();
}

interface AnswerBlock {
  body: ForeignBody;
  generalFeedback?: string;
}

function readAnswerBlock(all: Tok[], openLine: number, problems: ProblemList): AnswerBlock | undefined {
  let toks = all;
  let generalFeedback: string | undefined;
  for (let j = 0; j + 3 < toks.length; j += 1) {
    if (isAt(toks, j, '#') && isAt(toks, j + 1, '#') && isAt(toks, j + 2, '#') && isAt(toks, j + 3, '#')) {
      generalFeedback = str(toks.slice(j + 4)).trim();
      toks = toks.slice(0, j);
      break;
    }
  }
  const withFeedback = (body: ForeignBody): AnswerBlock => ({
    body,
    ...(generalFeedback !== undefined && generalFeedback !== '' ? { generalFeedback } : {}),
  });

  const start = skipSpace(toks, 0);
  if (start === toks.length) return withFeedback({ kind: 'essay' });
  if (isAt(toks, start, '#')) {
    const body = readNumerical(toks.slice(start + 1), openLine, problems);
    return body ? withFeedback(body) : undefined;
  }

  const hashParts = splitUnescaped(toks, '#');
  const head = str(hashParts[0] ?? []).trim();
  if (/^(T|F|TRUE|FALSE)$/i.test(head)) {
    if (hashParts.length > 3) {
      problems.refuse('a true/false answer takes at most two feedbacks (#wrong#right)', openLine);
      return undefined;
    }
    const answer = /^T/i.test(head);
    // GIFT writes the feedback for a wrong answer first, then the one for a right answer.
    const wrong = optionalText(hashParts[1]);
    const right = optionalText(hashParts[2]);
    const feedbackTrue = answer ? right : wrong;
    const feedbackFalse = answer ? wrong : right;
    return withFeedback({
      kind: 'truefalse',
      answer,
      ...(feedbackTrue !== undefined ? { feedbackTrue } : {}),
      ...(feedbackFalse !== undefined ? { feedbackFalse } : {}),
    });
  }

  const split = splitAnswers(toks);
  if (str(split.leading).trim() !== '') {
    problems.refuse(
      `unexpected text "${str(split.leading).trim().slice(0, 40)}" in the answer block: answers start with = or ~ (or use {T}, {F}, {#number} or {})`,
      split.leading.find((t) => t.ch.trim() !== '')?.line ?? openLine,
    );
    return undefined;
  }
  const answers: (WeightedAnswer & { marker: string; line: number; match?: string })[] = [];
  let failed = false;
  for (const raw of split.answers) {
    const parsed = readWeighted(raw.toks, raw.marker, raw.line, problems);
    if (!parsed) {
      failed = true;
      continue;
    }
    answers.push({ ...parsed, marker: raw.marker, line: raw.line });
  }
  if (failed) return undefined;

  const matching = answers.some((answer) => answer.match !== undefined);
  if (matching) {
    const bad = answers.find((answer) => answer.match === undefined || answer.marker !== '=');
    if (bad) {
      problems.refuse('a matching question needs "=question -> answer" for every pair', bad.line);
      return undefined;
    }
    return withFeedback({
      kind: 'matching',
      pairs: answers.map((answer) => ({ question: answer.text, answer: answer.match ?? '' })),
    });
  }
  const strip = ({ text, fraction, feedback }: WeightedAnswer): WeightedAnswer => ({
    text,
    fraction,
    ...(feedback !== undefined ? { feedback } : {}),
  });
  if (answers.some((answer) => answer.marker === '~')) {
    // Moodle's rule: a choice question with an "=" answer is single-answer, one without is multiple-answer.
    const single = answers.some((answer) => answer.marker === '=');
    return withFeedback({ kind: 'multichoice', single, answers: answers.map(strip) });
  }
  return withFeedback({ kind: 'shortanswer', caseSensitive: false, answers: answers.map(strip) });
}

function optionalText(toks: Tok[] | undefined): string | undefined {
  if (toks === undefined) return undefined;
  const text = str(toks).trim();
  return text === '' ? undefined : text;
}

interface RawAnswer {
  marker: '=' | '~';
  toks: Tok[];
  line: number;
}

function splitAnswers(toks: readonly Tok[]): { leading: Tok[]; answers: RawAnswer[] } {
  const leading: Tok[] = [];
  const answers: RawAnswer[] = [];
  for (const tok of toks) {
    if (!tok.esc && (tok.ch === '=' || tok.ch === '~')) {
      answers.push({ marker: tok.ch, toks: [], line: tok.line });
    } else if (answers.length === 0) {
      leading.push(tok);
    } else {
      answers[answers.length - 1]?.toks.push(tok);
    }
  }
  return { leading, answers };
}

/** `%50%text -> match #feedback` after the = or ~ marker. */
function readWeighted(
  toks: Tok[],
  marker: '=' | '~',
  line: number,
  problems: ProblemList,
): (WeightedAnswer & { match?: string }) | undefined {
  const weight = readWeight(toks, line, problems);
  if (weight === null) return undefined;
  const { main, feedback } = splitFeedback(weight.rest);
  let arrow = -1;
  for (let j = 0; j + 1 < main.length; j += 1) {
    if (isAt(main, j, '-') && isAt(main, j + 1, '>')) {
      arrow = j;
      break;
    }
  }
  const text = str(arrow >= 0 ? main.slice(0, arrow) : main).trim();
  const match = arrow >= 0 ? str(main.slice(arrow + 2)).trim() : undefined;
  if (text === '' && match === undefined) {
    problems.refuse(`empty answer after "${marker}"`, line);
    return undefined;
  }
  return {
    text,
    fraction: weight.fraction ?? (marker === '=' ? 100 : 0),
    ...(feedback !== undefined ? { feedback } : {}),
    ...(match !== undefined ? { match } : {}),
  };
}

/** `answer #feedback`: the feedback runs from the first unescaped # to the end of the answer. */
function splitFeedback(toks: Tok[]): { main: Tok[]; feedback?: string } {
  const hash = indexOfUnescaped(toks, '#');
  if (hash < 0) return { main: toks };
  const feedback = optionalText(toks.slice(hash + 1));
  return { main: toks.slice(0, hash), ...(feedback !== undefined ? { feedback } : {}) };
}

/** Returns null on a malformed weight (already reported). */
function readWeight(toks: Tok[], line: number, problems: ProblemList): { fraction?: number; rest: Tok[] } | null {
  const start = skipSpace(toks, 0);
  if (!isAt(toks, start, '%')) return { rest: toks };
  const end = indexOfUnescaped(toks, '%', start + 1);
  const raw = str(toks.slice(start + 1, end < 0 ? toks.length : end)).trim();
  const fraction = Number(raw);
  if (end < 0 || !NUMBER.test(raw) || fraction < -100 || fraction > 100) {
    problems.refuse(`bad answer weight "%${raw}${end < 0 ? '' : '%'}": expected a percentage between -100 and 100 such as %50%`, line);
    return null;
  }
  return { fraction, rest: toks.slice(end + 1) };
}

function readNumerical(toks: Tok[], openLine: number, problems: ProblemList): ForeignBody | undefined {
  const hasMarkers = toks.some((t) => !t.esc && (t.ch === '=' || t.ch === '~'));
  const answers: NumericAnswer[] = [];
  if (!hasMarkers) {
    const { main, feedback } = splitFeedback(toks);
    const spec = readNumericSpec(str(main), openLine, problems);
    if (!spec) return undefined;
    answers.push({ ...spec, fraction: 100, ...(feedback !== undefined ? { feedback } : {}) });
    return { kind: 'numerical', answers };
  }
  const split = splitAnswers(toks);
  const entries: RawAnswer[] = [];
  // Moodle reads text before the first "=" as one more full-credit answer: {#3:2 ~#Completely wrong}.
  if (str(split.leading).trim() !== '') {
    entries.push({ marker: '=', toks: split.leading, line: split.leading.find((t) => t.ch.trim() !== '')?.line ?? openLine });
  }
  entries.push(...split.answers);
  let failed = false;
  for (const raw of entries) {
    const weight = readWeight(raw.toks, raw.line, problems);
    if (weight === null) {
      failed = true;
      continue;
    }
    const fraction = weight.fraction ?? (raw.marker === '=' ? 100 : 0);
    if (fraction < 0) {
      problems.refuse(`numeric answers earn 0% to 100%; "%${fraction}%" is negative`, raw.line);
      failed = true;
      continue;
    }
    const { main, feedback } = splitFeedback(weight.rest);
    const extra = feedback !== undefined ? { feedback } : {};
    const value = str(main).trim();
    if (raw.marker === '~' && value === '') {
      // "~#feedback": Moodle's catch-all, the feedback for every answer that matches no other.
      answers.push({ match: 'any', fraction, ...extra });
      continue;
    }
    const spec = readNumericSpec(value, raw.line, problems);
    if (!spec) {
      failed = true;
      continue;
    }
    if (raw.marker === '~') {
      problems.adapt(
        `"~${value}": Moodle reads everything after "~" in a numeric question as the feedback for any other answer; goprep kept ${value} as a ${fraction}% answer`,
        raw.line,
      );
    }
    answers.push({ ...spec, fraction, ...extra });
  }
  return failed ? undefined : { kind: 'numerical', answers };
}

/** `3.14`, `3.14:0.01` (value and tolerance) or `1..5` (a closed range, kept as written). */
function readNumericSpec(raw: string, line: number, problems: ProblemList): NumericMatch | undefined {
  const spec = raw.trim();
  const fail = (): undefined => {
    problems.refuse(`bad numeric answer "${spec}": expected a number, number:tolerance or min..max`, line);
    return undefined;
  };
  if (spec.includes('..')) {
    const [low = '', high = '', ...extra] = spec.split('..');
    if (extra.length > 0 || !NUMBER.test(low.trim()) || !NUMBER.test(high.trim())) return fail();
    const min = Number(low);
    const max = Number(high);
    if (min > max) {
      problems.refuse(`bad numeric range "${spec}": the minimum is larger than the maximum`, line);
      return undefined;
    }
    return { match: 'range', min, max };
  }
  const [value = '', tolerance, ...extra] = spec.split(':');
  if (extra.length > 0 || !NUMBER.test(value.trim())) return fail();
  if (tolerance === undefined) return { match: 'value', value: Number(value), tolerance: 0 };
  if (!NUMBER.test(tolerance.trim())) return fail();
  const tol = Number(tolerance);
  if (tol < 0) {
    problems.refuse(`bad numeric tolerance "${tolerance.trim()}": it must not be negative`, line);
    return undefined;
  }
  return { match: 'value', value: Number(value), tolerance: tol };
}

/**
 * Moodle lets an answer or a feedback start with its own `[html]`, `[markdown]`, `[plain]` or
 * `[moodle]`; it is read here and converted to the question's format (HTML becomes Markdown when
 * the question is not HTML; the question text itself is converted later, as a whole).
 */
function partInFormat(part: string, questionFormat: TextFormat): string {
  const match = /^\s*\[(html|moodle|plain|markdown)\]/.exec(part);
  if (!match) return part;
  const own = FORMATS[match[1] as string] as TextFormat;
  const rest = part.slice(match[0].length).trim();
  return own === 'html' && questionFormat !== 'html' ? htmlToMarkdown(rest) : rest;
}

function bodyInFormat(body: ForeignBody, inFormat: (part: string) => string): ForeignBody {
  const fb = <T extends { feedback?: string }>(item: T): T => (item.feedback !== undefined ? { ...item, feedback: inFormat(item.feedback) } : item);
  switch (body.kind) {
    case 'multichoice':
    case 'shortanswer':
      return { ...body, answers: body.answers.map((answer) => fb({ ...answer, text: inFormat(answer.text) })) };
    case 'numerical':
      return { ...body, answers: body.answers.map(fb) };
    case 'truefalse':
      return {
        ...body,
        ...(body.feedbackTrue !== undefined ? { feedbackTrue: inFormat(body.feedbackTrue) } : {}),
        ...(body.feedbackFalse !== undefined ? { feedbackFalse: inFormat(body.feedbackFalse) } : {}),
      };
    default:
      return body;
  }
}
