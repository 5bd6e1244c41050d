export {
  ATTEMPT_STATES,
  closesAt,
  computeDeadline,
  DEFAULT_OVERDUE_POLICY,
  DEFAULT_SAVE_GRACE_MS,
  MAX_TIME_LIMIT_SECONDS,
  OVERDUE_POLICIES,
  remainingMs,
  saveDecision,
  submitDecision,
  sweepDecision,
  type AttemptClock,
  type AttemptState,
  type Closing,
  type OverduePolicy,
  type SaveDecision,
  type SaveRefusal,
  type SubmitDecision,
} from './timing';
export { REVIEW_POLICIES, reviewAccess, type ReviewAccess, type ReviewPolicy } from './review';
export { applyOptionOrder, itemSeed, optionOrder, splitMatchingOptions, structuredOptionOrder, textSeed, type PlacedOption } from './options';
export { findOptionReferences, optionLabel, optionLabels, relabelOptionReferences, unresolvedOptionReferences, type OptionReference } from './option-labels';
export { aggregateResult, itemPoints, type AttemptResult, type DifficultyTally, type GradedItem, type ScoreTally, type TopicTally } from './result';
