import type { TFunction } from 'i18next';
import type { Topic } from '../types';

export const typeLabel = (t: TFunction, type: string) => t(`questionTypes.${type}`, { defaultValue: type });

export const difficultyLabel = (t: TFunction, difficulty: number) =>
  t(`difficulty.${difficulty}`, { defaultValue: String(difficulty) });

export const difficultyTone = (d: number) => (d <= 2 ? 'easy' : d === 3 ? 'medium' : 'hard');

/** Topic titles come from the bank in English; known ids have a translated name. */
export const topicLabel = (t: TFunction, id: string, topics?: Topic[]) =>
  t(`topics.${id}`, { defaultValue: topics?.find((x) => x.id === id)?.title ?? id });
