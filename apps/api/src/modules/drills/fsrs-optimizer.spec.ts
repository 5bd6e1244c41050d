import { buildTrainingItems, DEFAULT_FSRS_WEIGHTS, simulateLearner, type FsrsWeights } from '@goprep/domain';
import { fitAndEvaluate } from './fsrs-optimizer';

/** A learner whose memories start much weaker than FSRS's defaults assume and grow more slowly. */
const FORGETFUL: FsrsWeights = DEFAULT_FSRS_WEIGHTS.map((w, i) => (i < 4 ? w * 0.1 : i === 8 ? w * 0.5 : w));

function history(trueWeights: FsrsWeights, scheduleWeights: FsrsWeights, seed: number) {
  return buildTrainingItems(simulateLearner({ trueWeights, scheduleWeights, cards: 120, days: 90, seed, firstDay: '2026-01-05', settings: { timezone: 'Asia/Tokyo' } }));
}

// A fit takes 1-2 s on an idle machine and 6-12 s on a loaded one: Jest's 5 s default is too tight.
jest.setTimeout(60_000);

describe('fitAndEvaluate (the real fsrs-rs optimizer on a synthetic history)', () => {
  it('should switch to the fitted parameters when the learner forgets unlike the defaults', async () => {
    const items = history(FORGETFUL, DEFAULT_FSRS_WEIGHTS, 11);
    const run = await fitAndEvaluate(items, DEFAULT_FSRS_WEIGHTS);
    expect(run.fittedWeights).toHaveLength(21);
    expect(run.fitted.logLoss).toBeLessThan(run.current.logLoss);
    expect(run.decision).toEqual({ switch: true, reason: 'fitted-better' });
    // The fit found the weaker first memories: initial stability after Good well below the default.
    expect(run.fittedWeights[2]).toBeLessThan(DEFAULT_FSRS_WEIGHTS[2]! / 2);
  });

  it('should keep the current parameters when they already describe the learner', async () => {
    const items = history(FORGETFUL, FORGETFUL, 12);
    const run = await fitAndEvaluate(items, FORGETFUL);
    expect(run.fitted.logLoss).toBeGreaterThan(run.current.logLoss);
    expect(run.decision).toEqual({ switch: false, reason: 'current-better' });
  });
});
