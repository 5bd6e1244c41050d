import type { SetLanguage } from '../../common/i18n/content-locale';
import { drawFromPools, isEligible, type PoolCandidate, type QuestionPool } from '@goprep/domain';

/*
 * The stored shape of a set version's `items` and the pure rules around it (summary, shortfalls,
 * settings diff). No I/O here: the service loads candidates and pinned questions and passes them in.
 */

export const SET_ITEM_KINDS = ['fixed', 'pool'] as const;
export type SetItemKind = (typeof SET_ITEM_KINDS)[number];
export const SET_STATES = ['draft', 'published'] as const;
export type SetState = (typeof SET_STATES)[number];
/** What a candidate sees after submitting: nothing, the score, score and per-item correctness, everything. */
export const SET_REVIEW_POLICIES = ['none', 'score', 'correctness', 'full'] as const;
export type SetReviewPolicy = (typeof SET_REVIEW_POLICIES)[number];

export const SET_FORMAT_NAME = 'goprep-question-set';
export const SET_FORMAT_VERSION = 1;

export const TITLE_MAX = 200;
export const INSTRUCTIONS_MAX = 20_000;
export const TIME_LIMIT_MIN = 60;
export const TIME_LIMIT_MAX = 8 * 3600;
export const GRACE_MAX = 24 * 3600;
export const ITEMS_MAX = 200;
export const POINTS_MAX = 1000;
export const POOL_COUNT_MAX = 50;

export interface FixedSetItem {
  kind: 'fixed';
  questionId: string;
  /** The question_versions row pinned when the item was added. */
  versionId: string;
  points: number;
}

export interface PoolSetItem {
  kind: 'pool';
  topic: string;
  count: number;
  difficulty: [min: number, max: number];
  types?: string[];
  excludeTags?: string[];
  /** Points of each drawn question. */
  points: number;
}

export type SetItem = FixedSetItem | PoolSetItem;

/** A question a pool can draw: the current version of a bank or organization question. */
export interface SetPoolCandidate extends PoolCandidate {
  versionId: string;
  /** Option ids in authored order (choice questions), for shuffling per attempt. */
  optionIds: string[] | null;
}

/** What the summary needs of a pinned question version. */
export interface PinnedFacts {
  topic: string;
  type: string;
  expectedSeconds: number;
}

/** The settings of a version (everything but the items). */
export interface SetSettings {
  title: string;
  instructions: string;
  timeLimitSeconds: number;
  shuffleOptions: boolean;
  overduePolicy: 'auto-submit' | 'grace-period' | 'not-counted';
  submitGraceSeconds: number;
  reviewPolicy: SetReviewPolicy;
  /** The language candidates read the questions in, or `candidate-chooses`. */
  language: SetLanguage;
}

export interface SetContent extends SetSettings {
  items: SetItem[];
}

export interface SetShortfall {
  /** Index of the pool in the items. */
  item: number;
  topic: string;
  wanted: number;
  drawn: number;
  eligible: number;
}

export interface SetSummary {
  questions: number;
  fixedQuestions: number;
  poolQuestions: number;
  totalPoints: number;
  expectedSeconds: number;
  timeLimitSeconds: number;
  overTimeLimit: boolean;
  byTopic: { key: string; count: number }[];
  byType: { key: string; count: number }[];
  shortfalls: SetShortfall[];
}

export const toPool = (item: PoolSetItem): QuestionPool => ({
  topic: item.topic,
  count: item.count,
  difficulty: item.difficulty,
  ...(item.types !== undefined ? { types: item.types } : {}),
  ...(item.excludeTags !== undefined ? { excludeTags: item.excludeTags } : {}),
});

export const isEligiblePool = (item: PoolSetItem, candidate: PoolCandidate): boolean => isEligible(toPool(item), candidate);

/** Pools never draw a question the set already pins as a fixed item. */
export function poolCandidatesFor<C extends PoolCandidate>(items: readonly SetItem[], candidates: readonly C[]): C[] {
  const fixed = new Set(items.flatMap((item) => (item.kind === 'fixed' ? [item.questionId] : [])));
  return candidates.filter((c) => !fixed.has(c.id));
}

/**
 * Pools that no assignment of the candidates can fill, with the item index of each. The draw is a
 * maximum matching, so the answer does not depend on the seed.
 */
export function setShortfalls(items: readonly SetItem[], candidates: readonly PoolCandidate[]): SetShortfall[] {
  const pools: { index: number; item: PoolSetItem }[] = [];
  items.forEach((item, index) => {
    if (item.kind === 'pool') pools.push({ index, item });
  });
  if (pools.length === 0) return [];
  const draw = drawFromPools(
    pools.map((p) => toPool(p.item)),
    poolCandidatesFor(items, candidates),
    0,
  );
  return draw.shortfalls.map((s) => ({ item: pools[s.pool]?.index ?? -1, topic: s.topic, wanted: s.wanted, drawn: s.drawn, eligible: s.eligible }));
}

function ranked(counts: Map<string, number>): { key: string; count: number }[] {
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const add = (map: Map<string, number>, key: string, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};

/**
 * Counts, points and expected time of one version. A pool's expected time is its count times the
 * mean expected time of the questions it could draw (the draw differs per attempt); a pool with no
 * eligible question adds nothing and shows up in `shortfalls`.
 */
export function summarizeSetContent(
  content: Pick<SetContent, 'items' | 'timeLimitSeconds'>,
  pinned: ReadonlyMap<string, PinnedFacts>,
  candidates: readonly PoolCandidate[],
): SetSummary {
  const byTopic = new Map<string, number>();
  const byType = new Map<string, number>();
  const eligibleFor = poolCandidatesFor(content.items, candidates);
  let fixedQuestions = 0;
  let poolQuestions = 0;
  let totalPoints = 0;
  let expectedSeconds = 0;
  for (const item of content.items) {
    if (item.kind === 'fixed') {
      fixedQuestions += 1;
      totalPoints += item.points;
      const facts = pinned.get(item.versionId);
      if (facts) {
        add(byTopic, facts.topic, 1);
        add(byType, facts.type, 1);
        expectedSeconds += facts.expectedSeconds;
      }
    } else {
      poolQuestions += item.count;
      totalPoints += item.points * item.count;
      add(byTopic, item.topic, item.count);
      add(byType, 'pool', item.count);
      const pool = toPool(item);
      const eligible = eligibleFor.filter((c) => isEligible(pool, c));
      if (eligible.length > 0) expectedSeconds += (item.count * eligible.reduce((sum, c) => sum + c.expectedSeconds, 0)) / eligible.length;
    }
  }
  const rounded = Math.round(expectedSeconds);
  return {
    questions: fixedQuestions + poolQuestions,
    fixedQuestions,
    poolQuestions,
    totalPoints: Math.round(totalPoints * 10_000) / 10_000,
    expectedSeconds: rounded,
    timeLimitSeconds: content.timeLimitSeconds,
    overTimeLimit: rounded > content.timeLimitSeconds,
    byTopic: ranked(byTopic),
    byType: ranked(byType),
    shortfalls: setShortfalls(content.items, candidates),
  };
}

/** Names of the settings that differ, plus `items` when the items differ: the audit's "what". */
export function changedFields(before: SetContent, after: SetContent): string[] {
  const keys: (keyof SetSettings)[] = ['title', 'instructions', 'timeLimitSeconds', 'shuffleOptions', 'overduePolicy', 'submitGraceSeconds', 'reviewPolicy', 'language'];
  const changed: string[] = keys.filter((key) => before[key] !== after[key]);
  // Stored items come back from jsonb with its own key order: compare them in one fixed order.
  if (JSON.stringify(before.items.map(canonicalItem)) !== JSON.stringify(after.items.map(canonicalItem))) changed.push('items');
  return changed;
}

/** An item with its keys in one fixed order (absent optional keys left out). */
export function canonicalItem(item: SetItem): SetItem {
  if (item.kind === 'fixed') return { kind: 'fixed', questionId: item.questionId, versionId: item.versionId, points: item.points };
  return {
    kind: 'pool',
    topic: item.topic,
    count: item.count,
    difficulty: [item.difficulty[0], item.difficulty[1]],
    ...(item.types !== undefined ? { types: item.types } : {}),
    ...(item.excludeTags !== undefined ? { excludeTags: item.excludeTags } : {}),
    points: item.points,
  };
}

/** An item as a client sends it (draft, import): a fixed question or a pool, not yet checked. */
export interface SetItemInput {
  kind: SetItemKind;
  points: number;
  questionId?: string;
  versionId?: string;
  /** Import only: the pinned content, to find the same version on another server. */
  contentHash?: string;
  topic?: string;
  count?: number;
  difficulty?: number[];
  types?: string[];
  excludeTags?: string[];
}

/** What the database knows about the questions fixed items name (loaded by the repository). */
export interface PinLookups {
  questions: Map<string, { current_version: number; retired: boolean }>;
  versions: Map<string, { id: string; question_id: string; version: number; type: string; content_hash: string }>;
}

/** The question ids fixed inputs name, once each. */
export const fixedQuestionIds = (inputs: readonly SetItemInput[]): string[] => [
  ...new Set(inputs.flatMap((i) => (i.kind === 'fixed' && i.questionId !== undefined ? [i.questionId] : []))),
];

/**
 * Checks a client's items against what the database knows and pins fixed items. A fixed question
 * must be a bank question or this organization's own (the lookups hold only those); its version is
 * the one given (it must belong to the question), else the one with the given content hash, else
 * the current one (not for a retired question). Flashcards are drill-only. A question appears at
 * most once. Errors name `items.N.field`.
 */
export function pinSetItems(inputs: readonly SetItemInput[], { questions, versions }: PinLookups): { items: SetItem[]; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const seen = new Map<string, number>();
  const items: SetItem[] = [];
  inputs.forEach((input, index) => {
    const at = `items.${index}`;
    if (input.kind === 'pool') {
      const [min = 1, max = 5] = input.difficulty ?? [];
      if (min > max) errors.push({ field: `${at}.difficulty`, message: 'difficulty must be [min, max] with min <= max' });
      const pool: PoolSetItem = {
        kind: 'pool',
        topic: input.topic ?? '',
        count: input.count ?? 1,
        difficulty: [min, max],
        ...(input.types !== undefined ? { types: [...new Set(input.types)] } : {}),
        ...(input.excludeTags !== undefined && input.excludeTags.length > 0 ? { excludeTags: [...new Set(input.excludeTags)] } : {}),
        points: input.points,
      };
      items.push(pool);
      return;
    }
    const questionId = input.questionId ?? '';
    const question = questions.get(questionId);
    if (!question) {
      errors.push({ field: `${at}.questionId`, message: `no question "${questionId.slice(0, 100)}" in the bank or this organization` });
      return;
    }
    const earlier = seen.get(questionId);
    if (earlier !== undefined) {
      errors.push({ field: `${at}.questionId`, message: `question "${questionId}" is already item ${earlier}` });
      return;
    }
    seen.set(questionId, index);
    const ofQuestion = [...versions.values()].filter((v) => v.question_id === questionId);
    let pinned = input.versionId !== undefined ? versions.get(input.versionId) : undefined;
    if (input.versionId !== undefined && pinned?.question_id !== questionId) {
      pinned = undefined;
      if (input.contentHash === undefined) {
        errors.push({ field: `${at}.versionId`, message: `not a version of question "${questionId}"` });
        return;
      }
    }
    pinned ??= input.contentHash !== undefined ? ofQuestion.find((v) => v.content_hash === input.contentHash) : undefined;
    if (!pinned) {
      if (question.retired) {
        errors.push({ field: `${at}.questionId`, message: `question "${questionId}" is retired` });
        return;
      }
      pinned = ofQuestion.find((v) => v.version === question.current_version);
    }
    if (!pinned) {
      errors.push({ field: `${at}.questionId`, message: `question "${questionId}" has no version to pin` });
      return;
    }
    if (pinned.type === 'flashcard') {
      errors.push({ field: `${at}.questionId`, message: 'flashcards are for drills and cannot be part of a set' });
      return;
    }
    items.push({ kind: 'fixed', questionId, versionId: pinned.id, points: input.points });
  });
  return { items, errors };
}

/** A client's settings as stored: trimmed title, grace only under the grace-period policy, English by default. */
export function settingsOf(body: Omit<SetContent, 'items' | 'language'> & { language?: SetLanguage }): Omit<SetContent, 'items'> {
  return {
    title: body.title.trim(),
    instructions: body.instructions,
    timeLimitSeconds: body.timeLimitSeconds,
    shuffleOptions: body.shuffleOptions,
    overduePolicy: body.overduePolicy,
    // A grace period only means something under the grace-period policy.
    submitGraceSeconds: body.overduePolicy === 'grace-period' ? body.submitGraceSeconds : 0,
    reviewPolicy: body.reviewPolicy,
    language: body.language ?? 'en',
  };
}
