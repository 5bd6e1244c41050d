export { mulberry32, randomIndex, toSeed, type Rng } from './prng';
export { shuffleWith, shuffleWithSeed } from './shuffle';
export { drawFromPools, isEligible, type PoolCandidate, type PoolDraw, type PoolShortfall, type QuestionPool } from './pools';
export { summarizeSet, type SetSummary } from './summary';
