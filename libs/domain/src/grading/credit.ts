/** A rule's credit as a score: anything that is not a finite number in 0..1 earns nothing. */
export function creditScore(credit: number): number {
  return Number.isFinite(credit) ? Math.min(1, Math.max(0, credit)) : 0;
}

/**
 * The best of several matching rules: highest credit, the earlier rule on a tie (so the feedback
 * shown is the one the author listed first, as Moodle does). Returns the index or -1.
 */
export function bestRule<R extends { credit: number }>(rules: readonly R[], matches: (rule: R) => boolean): number {
  let best = -1;
  rules.forEach((rule, index) => {
    if (!matches(rule)) return;
    if (best < 0 || creditScore(rule.credit) > creditScore((rules[best] as R).credit)) best = index;
  });
  return best;
}
