import type { ForeignBody, ForeignQuestion, TextFormat, WeightedAnswer } from '../foreign';
import { formatFraction } from '../gift/write-gift';

const FORMAT_NAMES: Record<TextFormat, string> = {
  html: 'html',
  moodle: 'moodle_auto_format',
  plain: 'plain_text',
  markdown: 'markdown',
};

/** Writes Moodle XML as Moodle itself exports it: one category pseudo-question per category change. */
export function writeMoodleXml(questions: readonly ForeignQuestion[], header: readonly string[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  for (const note of header) out.push(`  ${xmlComment(note)}`);
  let category: string | undefined;
  for (const question of questions) {
    if (question.body.kind === 'unsupported') continue;
    const path = question.category.join('/');
    if (path !== '' && path !== category) {
      out.push('  <question type="category">', `    <category><text>${escapeXml(`$course$/top/${path}`)}</text></category>`, '  </question>');
      category = path;
    }
    out.push(...writeQuestion(question).map((line) => `  ${line}`));
  }
  out.push('</quiz>');
  return `${out.join('\n')}\n`;
}

const TYPE_NAMES: Record<Exclude<ForeignBody['kind'], 'unsupported'>, string> = {
  multichoice: 'multichoice',
  truefalse: 'truefalse',
  shortanswer: 'shortanswer',
  numerical: 'numerical',
  essay: 'essay',
  matching: 'matching',
  ordering: 'ordering',
};

function writeQuestion(question: ForeignQuestion): string[] {
  const body = question.body;
  if (body.kind === 'unsupported') return [];
  const format = FORMAT_NAMES[question.format];
  const lines = [`<question type="${TYPE_NAMES[body.kind]}">`];
  for (const note of question.notes) lines.push(`  ${xmlComment(note)}`);
  lines.push(`  <name><text>${escapeXml(question.name ?? '')}</text></name>`);
  lines.push(`  <questiontext format="${format}">${textElement(question.text)}</questiontext>`);
  if (question.generalFeedback !== undefined) {
    lines.push(`  <generalfeedback format="${format}">${textElement(question.generalFeedback)}</generalfeedback>`);
  }
  lines.push('  <defaultgrade>1</defaultgrade>', '  <penalty>0</penalty>', '  <hidden>0</hidden>');
  if (question.idNumber !== undefined) lines.push(`  <idnumber>${escapeXml(question.idNumber)}</idnumber>`);
  lines.push(...writeBody(body, format).map((line) => `  ${line}`));
  if (question.tags.length > 0) {
    lines.push('  <tags>', ...question.tags.map((tag) => `    <tag><text>${escapeXml(tag)}</text></tag>`), '  </tags>');
  }
  lines.push('</question>');
  return lines;
}

function writeBody(body: ForeignBody, format: string): string[] {
  switch (body.kind) {
    case 'multichoice':
      return [
        `<single>${body.single ? 'true' : 'false'}</single>`,
        '<shuffleanswers>true</shuffleanswers>',
        '<answernumbering>abc</answernumbering>',
        ...body.answers.flatMap((answer) => answerElement(answer, format)),
      ];
    case 'truefalse':
      return [
        ...answerElement({ text: 'true', fraction: body.answer ? 100 : 0, ...(body.feedbackTrue ? { feedback: body.feedbackTrue } : {}) }, format, 'moodle_auto_format'),
        ...answerElement({ text: 'false', fraction: body.answer ? 0 : 100, ...(body.feedbackFalse ? { feedback: body.feedbackFalse } : {}) }, format, 'moodle_auto_format'),
      ];
    case 'shortanswer':
      return [`<usecase>${body.caseSensitive ? 1 : 0}</usecase>`, ...body.answers.flatMap((answer) => answerElement(answer, format, 'plain_text'))];
    case 'numerical': {
      const lines = body.answers.flatMap((answer) => {
        // Moodle XML holds a value and a tolerance; a range is the same interval written that way.
        const [value, tolerance] =
          answer.match === 'value' ? [String(answer.value), String(answer.tolerance)] : answer.match === 'range' ? rangeAsTolerance(answer.min, answer.max) : ['*', '0'];
        return [
          `<answer fraction="${formatFraction(answer.fraction)}" format="moodle_auto_format">`,
          `  <text>${value}</text>`,
          `  <tolerance>${tolerance}</tolerance>`,
          ...(answer.feedback !== undefined ? [`  <feedback format="${format}">${textElement(answer.feedback)}</feedback>`] : []),
          '</answer>',
        ];
      });
      if (body.unit !== undefined) {
        lines.push('<units>', '  <unit>', '    <multiplier>1</multiplier>', `    <unit_name>${escapeXml(body.unit)}</unit_name>`, '  </unit>', '</units>');
      }
      return lines;
    }
    case 'essay':
      return [
        '<responseformat>editor</responseformat>',
        '<responserequired>1</responserequired>',
        '<responsefieldlines>15</responsefieldlines>',
        ...(body.graderInfo !== undefined ? [`<graderinfo format="${format}">${textElement(body.graderInfo)}</graderinfo>`] : []),
      ];
    case 'matching':
      return [
        '<shuffleanswers>true</shuffleanswers>',
        ...body.pairs.flatMap((pair) => [
          `<subquestion format="${format}">`,
          `  ${textElement(pair.question)}`,
          `  <answer>${textElement(pair.answer)}</answer>`,
          '</subquestion>',
        ]),
      ];
    case 'ordering':
      // The ordering plugin's own export: every item shown, graded by the longest ordered subset,
      // each answer's fraction its place in the correct order.
      return [
        '<layouttype>VERTICAL</layouttype>',
        '<selecttype>ALL</selecttype>',
        '<selectcount>0</selectcount>',
        '<gradingtype>LONGEST_ORDERED_SUBSET</gradingtype>',
        '<showgrading>SHOW</showgrading>',
        '<numberingstyle>none</numberingstyle>',
        ...body.items.flatMap((item, index) => [`<answer fraction="${index + 1}" format="${format}">`, `  ${textElement(item)}`, '</answer>']),
      ];
    case 'unsupported':
      return [];
  }
}

function answerElement(answer: WeightedAnswer, format: string, answerFormat: string = format): string[] {
  return [
    `<answer fraction="${formatFraction(answer.fraction)}" format="${answerFormat}">`,
    `  ${textElement(answer.text)}`,
    ...(answer.feedback !== undefined ? [`  <feedback format="${format}">${textElement(answer.feedback)}</feedback>`] : []),
    '</answer>',
  ];
}

/** CDATA keeps Markdown and code readable; "]]>" inside is split across two sections. */
function textElement(text: string): string {
  if (!/[<&\n]|]]>/.test(text)) return `<text>${escapeXml(text)}</text>`;
  return `<text><![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]></text>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function xmlComment(text: string): string {
  // "--" may not appear inside an XML comment.
  return `<!-- ${text.replace(/-{2,}/g, (dashes) => dashes.split('').join(' ')).replace(/\r?\n/g, ' ')} -->`;
}

/** min..max as Moodle's value and tolerance, without float noise (1..5 -> 3 and 2). */
function rangeAsTolerance(min: number, max: number): [string, string] {
  const tidy = (n: number): string => String(Number(n.toPrecision(15)));
  return [tidy((min + max) / 2), tidy((max - min) / 2)];
}
