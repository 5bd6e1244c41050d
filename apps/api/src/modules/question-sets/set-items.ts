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
