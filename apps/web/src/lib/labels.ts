import type { TFunction } from 'i18next';

/** Labels every screen shows the same way: a topic id, a question type and a difficulty, in the UI's language. */
export const topicLabel = (t: TFunction, id: string) => t(`topics.${id}`, { defaultValue: id });
export const typeLabel = (t: TFunction, type: string) => t(`questionTypes.${type}`, { defaultValue: type });
export const difficultyLabel = (t: TFunction, difficulty: number) =>
  t(`difficulty.${difficulty}`, { defaultValue: String(difficulty) });
export const difficultyTone = (d: number): 'easy' | 'medium' | 'hard' => (d <= 2 ? 'easy' : d === 3 ? 'medium' : 'hard');
