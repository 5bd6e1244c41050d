import type { ForeignBody, ForeignQuestion, NumericAnswer, WeightedAnswer } from '../foreign';
import { escapeGift } from './tokens';

/**
 * Writes GIFT. Every text goes on one line with `\n` escapes: a Go program in a prompt has lines
 * starting with `//`, which GIFT would take for comments, and blank lines, which would end the
 * question.
 */
export function writeGift(questions: readonly ForeignQuestion[], header: readonly string[]): string {
  const blocks: string[] = [];
  if (header.length > 0) blocks.push(header.map(comment).join('\n'));
  let category: string | undefined;
  for (const question of questions) {
    if (question.body.kind === 'unsupported') continue;
    const path = question.category.join('/');
    if (path !== '' && path !== category) {
      blocks.push(`$CATEGORY: $course$/top/${path}`);
      category = path;
    }
    blocks.push(writeQuestion(question));
  }
  return `${blocks.join('\n\n')}\n`;
}

function comment(text: string): string {
  return `// ${text.replace(/\r?\n/g, ' ')}`.trimEnd();
}

function writeQuestion(question: ForeignQuestion): string {
  const lines = question.notes.map(comment);
  const meta = [
    ...(question.idNumber !== undefined ? [`[id:${bracketEscape(question.idNumber)}]`] : []),
    ...question.tags.map((tag) => `[tag:${bracketEscape(tag)}]`),
  ];
  if (meta.length > 0) lines.push(comment(meta.join(' ')));
  const title = question.name !== undefined ? `::${escapeGift(question.name)}::` : '';
  const format = question.format === 'moodle' ? '' : `[${question.format}]`;
  lines.push(`${title}${format}${escapeGift(question.text)}${writeBody(question.body, question.generalFeedback)}`);
  return lines.join('\n');
}

function bracketEscape(value: string): string {
  return value.replace(/[\\\]]/g, (c) => `\\${c}`);
}

function writeBody(body: ForeignBody, generalFeedback: string | undefined): string {
  const general = generalFeedback !== undefined && generalFeedback !== '' ? `####${escapeGift(generalFeedback)}` : '';
  switch (body.kind) {
    case 'multichoice':
      return block(body.answers.map((answer) => `${choiceMarker(answer, body.single)}${answerText(answer)}`), general);
    case 'shortanswer':
      return block(body.answers.map((answer) => `=${weight(answer.fraction, 100, answer.text)}${answerText(answer)}`), general);
    case 'truefalse': {
      const right = body.answer ? body.feedbackTrue : body.feedbackFalse;
      const wrong = body.answer ? body.feedbackFalse : body.feedbackTrue;
      const feedback = right !== undefined || wrong !== undefined ? `#${escapeGift(wrong ?? '')}#${escapeGift(right ?? '')}` : '';
      return `{${body.answer ? 'TRUE' : 'FALSE'}${feedback}${general}}`;
    }
    case 'numerical': {
      const only = body.answers[0];
      if (body.answers.length === 1 && only !== undefined && only.fraction === 100 && only.match !== 'any') {
        return `{#${numeric(only)}${feedback(only.feedback)}${general}}`;
      }
      const lines = body.answers.map((answer) =>
        // "~" followed by nothing but feedback is Moodle's catch-all for every other answer.
        answer.match === 'any'
          ? `\t~${weight(answer.fraction, 0)}${feedback(answer.feedback)}`
          : `\t=${weight(answer.fraction, 100)}${numeric(answer)}${feedback(answer.feedback)}`,
      );
      if (general !== '') lines.push(`\t${general}`);
      return `{#\n${lines.join('\n')}\n}`;
    }
    case 'essay':
      return `{${general}}`;
    case 'matching':
      return block(body.pairs.map((pair) => `=${escapeGift(pair.question)} -> ${escapeGift(pair.answer)}`), general);
    case 'ordering': // GIFT has no ordering syntax; from-bank never hands one over
    case 'unsupported':
      return '';
  }
}

function block(answers: readonly string[], general: string): string {
  const lines = answers.map((answer) => `\t${answer}`);
  if (general !== '') lines.push(`\t${general}`);
  return `{\n${lines.join('\n')}\n}`;
}

/** In a single-answer question `=` marks the right answer; a multiple-answer one must not use `=` at all. */
function choiceMarker(answer: WeightedAnswer, single: boolean): string {
  if (single && answer.fraction === 100) return `=${weight(answer.fraction, 100, answer.text)}`;
  return `~${weight(answer.fraction, 0, answer.text)}`;
}

function answerText(answer: WeightedAnswer): string {
  // "->" would turn the question into a matching question; GIFT has no escape for it.
  return `${escapeGift(answer.text).replace(/->/g, '-\\>')}${feedback(answer.feedback)}`;
}

function feedback(text: string | undefined): string {
  return text === undefined || text === '' ? '' : ` #${escapeGift(text)}`;
}

/** An answer starting with "%" would be read as a weight, so it always gets an explicit one. */
function weight(fraction: number, implicit: number, text = ''): string {
  return fraction === implicit && !text.startsWith('%') ? '' : `%${formatFraction(fraction)}%`;
}

/** Moodle stores grades with five decimals (33.33333); it refuses other values on import. */
export function formatFraction(fraction: number): string {
  return String(Number(fraction.toFixed(5)));
}

function numeric(answer: NumericAnswer): string {
  switch (answer.match) {
    case 'value':
      return answer.tolerance === 0 ? String(answer.value) : `${answer.value}:${answer.tolerance}`;
    case 'range':
      return `${answer.min}..${answer.max}`;
    case 'any':
      return '';
  }
}
