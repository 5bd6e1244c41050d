import type { TFunction } from 'i18next';

export const topicName = (t: TFunction, id: string) => t(`topics.${id}`, { defaultValue: id });
export const typeName = (t: TFunction, type: string) => t(`questionTypes.${type}`, { defaultValue: type });

export const signalsShort = (t: TFunction, s: { pasteCount: number; focusLostCount: number; hiddenCount: number }): string =>
  t('results.signals.short', { pasteCount: s.pasteCount, focusLostCount: s.focusLostCount, hiddenCount: s.hiddenCount });
