/** Settings values the API accepts (the contract of issue 7). */
export const OVERDUE_POLICIES = ['auto-submit', 'grace-period', 'not-counted'] as const;
export type OverduePolicy = (typeof OVERDUE_POLICIES)[number];

/** What a candidate sees after submitting, from least to most. */
export const REVIEW_POLICIES = ['none', 'score', 'correctness', 'full'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

/** The language candidates read the questions in; `candidate-chooses` lets each pick at the start. */
export const SET_LANGUAGES = ['en', 'zh-CN', 'candidate-chooses'] as const;
export type SetLanguage = (typeof SET_LANGUAGES)[number];

export type FixedItem = { kind: 'fixed'; questionId: string; versionId?: string | undefined; points: number };
export type PoolItem = {
  kind: 'pool';
  topic: string;
  count: number;
  difficulty: [number, number];
  types?: string[] | undefined;
  excludeTags?: string[] | undefined;
  points: number;
};
export type SetItem = FixedItem | PoolItem;

/** The draft content the builder edits and sends back whole (PUT .../draft). */
export interface DraftContent {
  title: string;
  instructions: string;
  timeLimitSeconds: number;
  shuffleOptions: boolean;
  overduePolicy: OverduePolicy;
  submitGraceSeconds: number;
  reviewPolicy: ReviewPolicy;
  language: SetLanguage;
  items: SetItem[];
}

/** What the builder shows about a pinned question (from the set response or the bank search). */
export interface QuestionInfo {
  title: string;
  topic: string;
  type: string;
  difficulty: number;
  expectedSeconds?: number | undefined;
}
