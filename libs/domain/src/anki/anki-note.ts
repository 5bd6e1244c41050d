import type { AnswerKey } from '../grading/answer-key';
import { codeBlockHtml, escapeHtml, markdownInlineHtml, markdownToHtml } from '../markdown/html';

/** A drill card's question as the export reads it (current version, in the learner's content language). */
export interface AnkiSourceQuestion {
  id: string;
  title: string;
  topic: string;
  subtopic: string;
  type: AnswerKey['type'];
  tags: string[];
  prompt: string;
  code: string | null;
  options: Array<{ id: string; text: string }> | null;
  unit: string | null;
  key: AnswerKey;
  explanation: string;
  references: string[];
  /** Seconds since the epoch of the version's creation: Anki's importer updates a note whose incoming mod is newer. */
  modifiedAt: number;
}

/** What the labels on a card say, in the export's language. */
export interface AnkiLabels {
  answer: string;
  explanation: string;
  references: string;
  trueLabel: string;
  falseLabel: string;
  whichLines: string;
  lines: string;
  expectedOutput: string;
  tolerance: string;
  selfGraded: string;
  codeTask: string;
}

export const ANKI_LABELS: Record<'en' | 'zh-CN', AnkiLabels> = {
  en: {
    answer: 'Answer',
    explanation: 'Explanation',
    references: 'References',
    trueLabel: 'True',
    falseLabel: 'False',
    whichLines: 'Which line(s)?',
    lines: 'Lines',
    expectedOutput: 'Output',
    tolerance: 'within',
    selfGraded: 'Points a good answer covers',
    codeTask: 'A code task: write it in goprep, where the judge runs the hidden tests.',
  },
  'zh-CN': {
    answer: '答案',
    explanation: '解析',
    references: '参考资料',
    trueLabel: '正确',
    falseLabel: '错误',
    whichLines: '是哪一行（或哪几行）？',
    lines: '行',
    expectedOutput: '输出',
    tolerance: '误差',
    selfGraded: '好的回答应涵盖',
    codeTask: '编程题：请在 goprep 中编写，由评测器运行隐藏测试。',
  },
};

export interface AnkiNote {
  /** Anki's note guid: the same question always gets the same one, so importing again updates the note. */
  guid: string;
  /** Note and card ids (Anki uses them as keys; derived from the question id, stable across exports). */
  noteId: number;
  cardId: number;
  /** Front, Back, goprep id. */
  fields: [string, string, string];
  tags: string[];
  modifiedAt: number;
}

/**
 * A stable positive id below 2^53 from a string (64-bit FNV-1a, top 52 bits kept); Anki stores ids
 * as 64-bit integers and JavaScript numbers hold 53 bits exactly.
 */
export function ankiId(seed: string): number {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(seed)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return Number(h >> 12n) || 1;
}

/** An Anki tag: no spaces; `::` makes hierarchies. */
export function ankiTag(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/::+/g, '-')
    .replace(/[\s"]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The option letter a card shows: A, B, C... in the bank's order (Anki shows options unshuffled). */
const letter = (i: number): string => String.fromCharCode(65 + i);

function optionsHtml(q: AnkiSourceQuestion): string {
  if (!q.options || q.options.length === 0) return '';
  if (q.key.type === 'ordering' || q.key.type === 'matching') {
    // The stored order of ordering items is the key: the front lists them alphabetically instead.
    const sorted = [...q.options].sort((a, b) => a.text.localeCompare(b.text));
    return `<ul class="gp-options">${sorted.map((o) => `<li>${markdownInlineHtml(o.text)}</li>`).join('')}</ul>`;
  }
  return `<ol class="gp-options" type="A">${q.options.map((o) => `<li>${markdownInlineHtml(o.text)}</li>`).join('')}</ol>`;
}

/** An ordering item's or a matching side's text by id (they live among the options). */
function itemText(q: AnkiSourceQuestion, id: string): string {
  const option = q.options?.find((o) => o.id === id);
  return option ? markdownInlineHtml(option.text) : escapeHtml(id);
}

function answerHtml(q: AnkiSourceQuestion, l: AnkiLabels): string {
  const key = q.key;
  const optionLabel = (id: string): string => {
    const i = q.options?.findIndex((o) => o.id === id) ?? -1;
    const option = q.options?.[i];
    return option ? `${letter(i)}. ${markdownInlineHtml(option.text)}` : escapeHtml(id);
  };
  switch (key.type) {
    case 'single':
      return optionLabel(key.correct);
    case 'multi':
      return key.correct.map(optionLabel).join('<br>');
    case 'true-false':
      return escapeHtml(key.answer ? l.trueLabel : l.falseLabel);
    case 'short':
      return key.accepted.map(escapeHtml).join(' / ');
    case 'numeric':
      return `${key.answer}${q.unit ? ` ${escapeHtml(q.unit)}` : ''}${key.tolerance > 0 ? ` (${escapeHtml(l.tolerance)} ±${key.tolerance})` : ''}`;
    case 'code-output':
      return `${escapeHtml(l.expectedOutput)}:${codeBlockHtml(key.outputs[0] ?? '', 'text')}`;
    case 'code-lines':
      return `${escapeHtml(l.lines)} ${key.lines.join(', ')}`;
    case 'essay':
      return `${escapeHtml(l.selfGraded)}:<ul>${key.rubric.map((r) => `<li>${markdownInlineHtml(r)}</li>`).join('')}</ul>`;
    case 'flashcard':
      return markdownToHtml(key.answer);
    case 'code-task':
      return escapeHtml(l.codeTask);
    case 'ordering':
      return `<ol>${key.order.map((id) => `<li>${itemText(q, id)}</li>`).join('')}</ol>`;
    case 'matching':
      return `<ul>${key.pairs.map((p) => `<li>${itemText(q, p.left)} → ${itemText(q, p.right)}</li>`).join('')}</ul>`;
  }
}

/** One question as an Anki note: the prompt (code monospace and highlighted) on the front, the answer, explanation and references on the back. */
export function ankiNote(q: AnkiSourceQuestion, labels: AnkiLabels): AnkiNote {
  const front = [
    `<div class="gp-title">${escapeHtml(q.title)}</div>`,
    markdownToHtml(q.prompt),
    q.code ? codeBlockHtml(q.code, 'go', q.type === 'code-lines') : '',
    optionsHtml(q),
    q.type === 'code-lines' ? `<p>${escapeHtml(labels.whichLines)}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const back = [
    `<div class="gp-answer"><strong>${escapeHtml(labels.answer)}:</strong> ${answerHtml(q, labels)}</div>`,
    q.explanation.trim() ? `<div class="gp-explanation"><strong>${escapeHtml(labels.explanation)}</strong>${markdownToHtml(q.explanation)}</div>` : '',
    q.references.length > 0
      ? `<div class="gp-references"><strong>${escapeHtml(labels.references)}</strong><ul>${q.references.map((r) => `<li>${markdownInlineHtml(r)}</li>`).join('')}</ul></div>`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const tags = [...new Set(['goprep', `goprep::${ankiTag(q.topic)}`, `goprep::${ankiTag(q.topic)}::${ankiTag(q.subtopic)}`, ...q.tags.map(ankiTag)].filter(Boolean))];
  return {
    guid: `goprep:${q.id}`,
    noteId: ankiId(`note:${q.id}`),
    cardId: ankiId(`card:${q.id}`),
    fields: [front, back, q.id],
    tags,
    modifiedAt: q.modifiedAt,
  };
}

/** The note type's stylesheet: monospace code with the highlighting classes of codeBlockHtml, light and night mode. */
export const ANKI_CSS = `.card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; line-height: 1.45; }
.gp-title { font-weight: 600; font-size: 1.1em; margin-bottom: .5em; }
.gp-code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 15px; background: #f6f8fa; color: #1f2328; padding: .6em .8em; border-radius: 6px; overflow-x: auto; white-space: pre; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.gp-k { color: #cf222e; } .gp-b { color: #0550ae; } .gp-s { color: #0a3069; } .gp-n { color: #0550ae; } .gp-c { color: #57606a; font-style: italic; } .gp-ln { color: #57606a; user-select: none; }
.nightMode .gp-code { background: #161b22; color: #e6edf3; }
.nightMode .gp-k { color: #ff7b72; } .nightMode .gp-b, .nightMode .gp-n { color: #79c0ff; } .nightMode .gp-s { color: #a5d6ff; } .nightMode .gp-c, .nightMode .gp-ln { color: #8b949e; }
.gp-answer { margin-bottom: .75em; }`;
