/**
 * The learner's streak: consecutive learner-local days with at least one review. A streak is still
 * alive on a day without reviews yet (the learner may review later today), so it counts back from
 * today when today has reviews and from yesterday otherwise.
 */
export function reviewStreak(reviewDays: Iterable<number>, today: number): number {
  if (!Number.isInteger(today)) throw new RangeError('today must be a day number');
  const days = new Set(reviewDays);
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}
