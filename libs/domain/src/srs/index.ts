export {
  cloneCard,
  isLeechLapse,
  LEECH_REPEAT_EVERY,
  LEECH_THRESHOLD,
  newSrsCard,
  sameCard,
  SRS_CARD_STATES,
  suspendCard,
  unsuspendCard,
  type SrsCard,
  type SrsCardState,
} from './card';
export { DAY_MS, instantAtWallTime, localDay, localDayNumber, localDayStart, utcOffsetMs } from './local-day';
export {
  buildTrainingItems,
  decideSwitch,
  hasEnoughForFit,
  isUsableWeights,
  longTermItemCount,
  optimizationDue,
  OPTIMIZER_MIN_ITEMS,
  OPTIMIZER_MIN_REVIEWS,
  OPTIMIZER_REFIT_DAYS,
  TIME_SPLIT_FOLDS,
  timeSplitTestStart,
  type LastOptimization,
  type ModelScore,
  type OptimizationReason,
  type OptimizerReviewInput,
  type SwitchDecision,
  type TrainingItem,
  type TrainingReview,
} from './optimizer';
export { simulateLearner, type SyntheticLearner } from './simulate';
export { reviewStreak } from './streak';
export { judgeReviewOutcome, type JudgeReviewOutcome } from './judge-rating';
export { buildDueQueue, countDueToday, countNewIntroducedToday, type DueQueue } from './queue';
export {
  RATING_SOURCES,
  ratingSource,
  SLOW_ANSWER_FACTOR,
  SRS_RATINGS,
  suggestRating,
  type AutoGradeOutcome,
  type RatingSource,
  type ReviewAnswer,
  type SrsRating,
} from './rating';
export {
  DEFAULT_FSRS_WEIGHTS,
  elapsedLocalDays,
  FSRS_WEIGHT_COUNT,
  intervalLabel,
  isDue,
  previewIntervals,
  retrievability,
  scheduleReview,
  undoReview,
  type FsrsWeights,
  type IntervalPreview,
  type ScheduledReview,
  type SrsReviewLog,
} from './scheduler';
export {
  assertSrsSettings,
  DEFAULT_SRS_SETTINGS,
  isValidTimezone,
  MAX_DESIRED_RETENTION,
  MAX_INTERVAL_LIMIT_DAYS,
  MAX_LEARNING_STEPS,
  MAX_NEW_CARDS_PER_DAY,
  MIN_DESIRED_RETENTION,
  resolveSrsSettings,
  srsSettingsProblems,
  stepMinutes,
  type SrsSettings,
  type SrsSettingsProblem,
} from './settings';
