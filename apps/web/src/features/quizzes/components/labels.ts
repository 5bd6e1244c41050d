import type { TFunction } from 'i18next';

export { difficultyLabel, difficultyTone, topicLabel, typeLabel } from '@/lib/labels';

/** 754 -> "12 min 34 s". */
export function formatDuration(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? t('quiz.duration.minutes', { m, s: s % 60 }) : t('quiz.duration.seconds', { s });
}
