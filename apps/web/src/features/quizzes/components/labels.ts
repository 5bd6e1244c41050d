import type { TFunction } from 'i18next';

export const topicLabel = (t: TFunction, id: string) => t(`topics.${id}`, { defaultValue: id });
export const typeLabel = (t: TFunction, type: string) => t(`questionTypes.${type}`, { defaultValue: type });
export const difficultyLabel = (t: TFunction, difficulty: number) =>
  t(`difficulty.${difficulty}`, { defaultValue: String(difficulty) });
export const difficultyTone = (d: number) => (d <= 2 ? 'easy' : d === 3 ? 'medium' : 'hard');

/** 754 -> "12 min 34 s". */
export function formatDuration(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? t('quiz.duration.minutes', { m, s: s % 60 }) : t('quiz.duration.seconds', { s });
}
