type Option = { id: string; text: string; correct?: boolean };
type Item = {
  type: string;
  options?: Option[] | undefined;
  /** Matching: the left-hand items (`options` are the right-hand choices). */
  matchItems?: Option[] | undefined;
  unit?: string | undefined;
  response: Record<string, unknown> | null;
  key: Record<string, unknown>;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Option texts by id, in the order the candidate saw them (unknown ids are shown as they are). */
function optionTexts(item: Item, ids: unknown[]): string[] {
  const byId = new Map((item.options ?? []).map((o, i) => [o.id, `${String.fromCharCode(65 + i)}. ${o.text}`]));
  return ids.map((id) => byId.get(str(id)) ?? str(id));
}

/** Text of an ordering item, a matching left item or a right-hand choice by id. */
function textOf(item: Item, id: unknown): string {
  const all = [...(item.matchItems ?? []), ...(item.options ?? [])];
  return all.find((o) => o.id === str(id))?.text ?? str(id);
}

/** `1. first`, `2. second`, ... */
const numbered = (item: Item, ids: unknown[]): string | null => (ids.length ? ids.map((id, i) => `${i + 1}. ${textOf(item, id)}`).join('\n') : null);

/** `left → right` per pair, in the left items' order. */
function pairLines(item: Item, pairs: Array<[unknown, unknown]>): string | null {
  const lines = pairs.filter(([, right]) => str(right) !== '').map(([left, right]) => `${textOf(item, left)} → ${textOf(item, right)}`);
  return lines.length ? lines.join('\n') : null;
}

/**
 * The candidate's answer as plain text for the report; null when unanswered. Responses are
 * stored by type: single {choice}, multi {choices}, true-false {value}, numeric {value},
 * code-lines {lines}, short/code-output/essay {text}.
 */
export function responseText(item: Item, labels: { yes: string; no: string; lines: (l: string) => string }): string | null {
  const r = item.response;
  if (!r) return null;
  switch (item.type) {
    case 'single':
      return optionTexts(item, [r['choice']]).join('') || null;
    case 'multi': {
      const texts = optionTexts(item, arr(r['choices']));
      return texts.length ? texts.join('\n') : null;
    }
    case 'true-false':
      return typeof r['value'] === 'boolean' ? (r['value'] ? labels.yes : labels.no) : null;
    case 'numeric':
      return str(r['value']) ? `${str(r['value'])}${item.unit ? ` ${item.unit}` : ''}` : null;
    case 'code-lines': {
      const lines = arr(r['lines']).map(str);
      return lines.length ? labels.lines(lines.join(', ')) : null;
    }
    case 'ordering':
      return numbered(item, arr(r['order']));
    case 'matching': {
      const pairs = r['pairs'] && typeof r['pairs'] === 'object' ? (r['pairs'] as Record<string, unknown>) : {};
      const order = (item.matchItems ?? []).map((o) => o.id);
      return pairLines(item, order.filter((id) => id in pairs).map((id) => [id, pairs[id]]));
    }
    default:
      return str(r['text']) || null;
  }
}

/** The expected answer as plain text (the manager's report always shows it). */
export function keyText(item: Item, labels: { yes: string; no: string; lines: (l: string) => string }): string | null {
  const k = item.key;
  switch (item.type) {
    case 'single':
    case 'multi': {
      const correct = (item.options ?? []).map((o, i) => ({ o, i })).filter(({ o }) => o.correct);
      return correct.length ? correct.map(({ o, i }) => `${String.fromCharCode(65 + i)}. ${o.text}`).join('\n') : null;
    }
    case 'true-false':
      return typeof k['answer'] === 'boolean' ? (k['answer'] ? labels.yes : labels.no) : null;
    case 'numeric': {
      // Graded answers (imported Moodle questions): every answer that earns credit, partial ones with their share.
      const graded = gradedAnswers(k, (rule) =>
        rule['min'] !== undefined
          ? `${str(rule['min'])}–${str(rule['max'])}${item.unit ? ` ${item.unit}` : ''}`
          : rule['value'] !== undefined
            ? `${str(rule['value'])}${item.unit ? ` ${item.unit}` : ''}${typeof rule['tolerance'] === 'number' && rule['tolerance'] > 0 ? ` (± ${rule['tolerance']})` : ''}`
            : '',
      );
      if (graded !== undefined) return graded;
      const tol = typeof k['tolerance'] === 'number' && k['tolerance'] > 0 ? ` (± ${k['tolerance']})` : '';
      return str(k['answer']) ? `${str(k['answer'])}${item.unit ? ` ${item.unit}` : ''}${tol}` : null;
    }
    case 'code-lines': {
      const lines = arr(k['lines']).map(str);
      return lines.length ? labels.lines(lines.join(', ')) : null;
    }
    case 'short':
      return gradedAnswers(k, (rule) => str(rule['text'])) ?? (arr(k['accepted']).map(str).join(' · ') || null);
    case 'code-output':
      return str(arr(k['outputs'])[0]) || null;
    case 'ordering':
      return numbered(item, arr(k['order']));
    case 'matching':
      return pairLines(
        item,
        arr(k['pairs']).map((pair) => [(pair as Record<string, unknown>)['left'], (pair as Record<string, unknown>)['right']]),
      );
    default:
      return null;
  }
}

/** `key.answers` as text, credit-earning ones only; undefined for a key without graded answers. */
function gradedAnswers(k: Record<string, unknown>, describe: (rule: Record<string, unknown>) => string): string | null | undefined {
  if (!Array.isArray(k['answers'])) return undefined;
  const parts = (k['answers'] as unknown[])
    .filter((rule): rule is Record<string, unknown> => typeof rule === 'object' && rule !== null)
    .filter((rule) => typeof rule['credit'] === 'number' && rule['credit'] > 0)
    .map((rule) => {
      const what = describe(rule);
      const credit = rule['credit'] as number;
      return what === '' ? '' : credit < 1 ? `${what} (${Math.round(credit * 1000) / 10}%)` : what;
    })
    .filter((part) => part !== '');
  return parts.length ? parts.join(' · ') : null;
}
