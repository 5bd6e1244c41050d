import type { TFunction } from 'i18next';
import type { Topic } from '../types';

export { difficultyLabel, difficultyTone, typeLabel } from '@/lib/labels';

/** Topic titles come from the bank in English; known ids have a translated name. */
export const topicLabel = (t: TFunction, id: string, topics?: Topic[]) =>
  t(`topics.${id}`, { defaultValue: topics?.find((x) => x.id === id)?.title ?? id });
