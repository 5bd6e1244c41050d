/**
 * The only file that loads @open-spaced-repetition/binding (native fsrs-rs through napi-rs). Its
 * package is `"type": "module"` with one set of typings, so tsc with `module: node16` reports
 * TS1479 for this CommonJS importer although `require` resolves its CJS build (dist/index.cjs,
 * which picks the linux-x64-gnu native package) fine at run time, in Jest and in apps/api/dist.
 */
import {
  computeParameters,
  evaluateWithTimeSeriesSplits,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore TS1479, see above
} from '@open-spaced-repetition/binding';
import { decideSwitch, timeSplitTestStart, type ModelScore, type SwitchDecision, type TrainingItem } from '@goprep/domain';

export interface OptimizerRun {
  fittedWeights: number[];
  /** Time-split log loss / RMSE of the fitting procedure (each fold fitted on the past, scored on the next segment). */
  fitted: ModelScore;
  /** The current parameters scored on the same test segments. */
  current: ModelScore;
  decision: SwitchDecision;
}

/** Short-term (same-day) reviews are part of the model, as the scheduler runs with enable_short_term. */
const OPTIONS = { enableShortTerm: true, numRelearningSteps: 1 } as const;

function toBinding(items: readonly TrainingItem[]): FSRSBindingItem[] {
  return items.map((item) => new FSRSBindingItem(item.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
}

function score(evaluation: { logLoss: number; rmseBins: number }): ModelScore {
  return { logLoss: evaluation.logLoss, rmseBins: evaluation.rmseBins };
}

/**
 * Fits parameters to the learner's items (ordered by time), evaluates the fit by time-series
 * splits and the current parameters on the same test items, and decides whether to switch.
 * Runs on the binding's worker thread (the returned promises), so the event loop stays free.
 */
export async function fitAndEvaluate(items: readonly TrainingItem[], currentWeights: readonly number[]): Promise<OptimizerRun> {
  const all = toBinding(items);
  const fittedWeights = await computeParameters(all, OPTIONS);
  const fitted = score(await evaluateWithTimeSeriesSplits(all, OPTIONS));
  const current = score(new FSRSBinding([...currentWeights]).evaluate(all.slice(timeSplitTestStart(all.length))));
  return { fittedWeights, fitted, current, decision: decideSwitch(fittedWeights, fitted, current) };
}
