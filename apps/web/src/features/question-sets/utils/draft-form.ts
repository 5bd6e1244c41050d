import {
  OVERDUE_POLICIES,
  REVIEW_POLICIES,
  SET_LANGUAGES,
  type DraftContent,
  type OverduePolicy,
  type QuestionInfo,
  type ReviewPolicy,
  type SetItem,
  type SetLanguage,
} from '../types';

/**
 * The builder's editable state. Numbers stay strings while typed (an empty field is not 0), and
 * every item has a local key so React and the keyboard reorder can follow it across moves.
 */
export type FixedItemForm = {
  key: string;
  kind: 'fixed';
  questionId: string;
  versionId?: string | undefined;
  points: string;
  info?: QuestionInfo | undefined;
};
export type PoolItemForm = {
  key: string;
  kind: 'pool';
  topic: string;
  count: string;
  min: number;
  max: number;
  types: string[];
  excludeTags: string;
  points: string;
};
export type ItemForm = FixedItemForm | PoolItemForm;

export interface DraftForm {
  title: string;
  instructions: string;
  timeLimitMinutes: string;
  shuffleOptions: boolean;
  overduePolicy: OverduePolicy;
  graceMinutes: string;
  reviewPolicy: ReviewPolicy;
  language: SetLanguage;
  items: ItemForm[];
}

export const LIMITS = {
  titleMax: 200,
  instructionsMax: 20_000,
  timeLimitMinutes: [1, 480],
  graceMinutes: [0, 1440],
  points: [0.01, 1000],
  poolCount: [1, 50],
} as const;

let counter = 0;
// Forms restored from local storage carry keys of an earlier page load; a per-load prefix keeps them apart.
const LOAD = Math.random().toString(36).slice(2, 8);
/** A key unique within this page, for list rendering and focus; never sent to the server. */
export const newKey = (): string => `item-${LOAD}-${++counter}`;

const minutesFrom = (seconds: number): string => String(Math.round((seconds / 60) * 100) / 100);
const numberText = (n: number): string => String(n);

export function formFromContent(content: DraftContent, info: (questionId: string, versionId?: string) => QuestionInfo | undefined = () => undefined): DraftForm {
  return {
    title: content.title,
    instructions: content.instructions,
    timeLimitMinutes: minutesFrom(content.timeLimitSeconds),
    shuffleOptions: content.shuffleOptions,
    overduePolicy: OVERDUE_POLICIES.includes(content.overduePolicy) ? content.overduePolicy : 'auto-submit',
    graceMinutes: minutesFrom(content.submitGraceSeconds),
    reviewPolicy: REVIEW_POLICIES.includes(content.reviewPolicy) ? content.reviewPolicy : 'none',
    language: SET_LANGUAGES.includes(content.language) ? content.language : 'en',
    items: content.items.map((item): ItemForm =>
      item.kind === 'fixed'
        ? { key: newKey(), kind: 'fixed', questionId: item.questionId, versionId: item.versionId, points: numberText(item.points), info: info(item.questionId, item.versionId) }
        : {
            key: newKey(),
            kind: 'pool',
            topic: item.topic,
            count: numberText(item.count),
            min: item.difficulty[0],
            max: item.difficulty[1],
            types: [...(item.types ?? [])],
            excludeTags: (item.excludeTags ?? []).join(', '),
            points: numberText(item.points),
          },
    ),
  };
}

/** Splits "basic, kubernetes ,, gc" into trimmed, de-duplicated, non-empty tags. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** A decimal number typed by a person: "1,5" is 1.5; anything else unparsable is NaN. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

export function itemFromForm(item: ItemForm): SetItem {
  if (item.kind === 'fixed') {
    return { kind: 'fixed', questionId: item.questionId, ...(item.versionId ? { versionId: item.versionId } : {}), points: parseNumber(item.points) };
  }
  const tags = parseTags(item.excludeTags);
  return {
    kind: 'pool',
    topic: item.topic,
    count: parseNumber(item.count),
    difficulty: [item.min, item.max],
    ...(item.types.length > 0 ? { types: [...item.types] } : {}),
    ...(tags.length > 0 ? { excludeTags: tags } : {}),
    points: parseNumber(item.points),
  };
}

export function contentFromForm(form: DraftForm): DraftContent {
  return {
    title: form.title.trim(),
    instructions: form.instructions,
    timeLimitSeconds: Math.round(parseNumber(form.timeLimitMinutes) * 60),
    shuffleOptions: form.shuffleOptions,
    overduePolicy: form.overduePolicy,
    submitGraceSeconds: form.overduePolicy === 'grace-period' ? Math.round(parseNumber(form.graceMinutes) * 60) : 0,
    reviewPolicy: form.reviewPolicy,
    language: form.language,
    items: form.items.map(itemFromForm),
  };
}

/** A problem as an i18n key under questionSets.errors, with the field (or item key) it belongs to. */
export type Problem = { field: string; message: string };

const within = (n: number, [lo, hi]: readonly [number, number]) => Number.isFinite(n) && n >= lo && n <= hi;

/**
 * What must be fixed before the draft can be saved. The server checks the same limits; checking
 * here keeps an invalid value from being sent (and refused) on every autosave.
 */
export function problemsOf(form: DraftForm): Problem[] {
  const out: Problem[] = [];
  if (!form.title.trim()) out.push({ field: 'title', message: 'titleRequired' });
  else if (form.title.trim().length > LIMITS.titleMax) out.push({ field: 'title', message: 'titleTooLong' });
  if (form.instructions.length > LIMITS.instructionsMax) out.push({ field: 'instructions', message: 'instructionsTooLong' });
  if (!within(parseNumber(form.timeLimitMinutes), LIMITS.timeLimitMinutes)) out.push({ field: 'timeLimitMinutes', message: 'timeLimit' });
  if (form.overduePolicy === 'grace-period' && !within(parseNumber(form.graceMinutes), LIMITS.graceMinutes)) {
    out.push({ field: 'graceMinutes', message: 'grace' });
  }
  for (const item of form.items) {
    if (!within(parseNumber(item.points), LIMITS.points)) out.push({ field: `${item.key}.points`, message: 'points' });
    if (item.kind === 'pool') {
      const count = parseNumber(item.count);
      if (!Number.isInteger(count) || !within(count, LIMITS.poolCount)) out.push({ field: `${item.key}.count`, message: 'poolCount' });
      if (item.min > item.max) out.push({ field: `${item.key}.difficulty`, message: 'poolDifficulty' });
    }
  }
  return out;
}

/** How many questions a candidate gets: fixed items plus every pool's count (as typed). */
export function questionCount(form: Pick<DraftForm, 'items'>): number {
  return form.items.reduce((n, item) => {
    if (item.kind === 'fixed') return n + 1;
    const count = parseNumber(item.count);
    return n + (Number.isInteger(count) && count > 0 ? count : 0);
  }, 0);
}

export function totalPoints(form: Pick<DraftForm, 'items'>): number {
  return form.items.reduce((sum, item) => {
    const points = parseNumber(item.points);
    const each = Number.isFinite(points) ? points : 0;
    if (item.kind === 'fixed') return sum + each;
    const count = parseNumber(item.count);
    return sum + each * (Number.isInteger(count) && count > 0 ? count : 0);
  }, 0);
}

/** True when the bank question with this id is already a fixed item of the draft. */
export const hasQuestion = (form: Pick<DraftForm, 'items'>, questionId: string): boolean =>
  form.items.some((item) => item.kind === 'fixed' && item.questionId === questionId);

/** Two forms carry the same content (the local keys and display info do not count). */
export const sameContent = (a: DraftForm, b: DraftForm): boolean => JSON.stringify(contentFromForm(a)) === JSON.stringify(contentFromForm(b));
