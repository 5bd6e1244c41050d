import type { TFunction } from 'i18next';

export { topicLabel, typeLabel, difficultyTone } from '@/lib/labels';
export const difficultyLabel = (t: TFunction, d: number) => `${d} · ${t(`difficulty.${d}`, { defaultValue: String(d) })}`;

/** "1 h 5 min" / "12 min" / "40 s", in the page's language. */
export function durationLabel(t: TFunction, seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return t('questionSets.duration.hm', { h, m });
  if (m > 0) return s >= 30 && m < 10 ? t('questionSets.duration.ms', { m, s }) : t('questionSets.duration.m', { m: s >= 30 ? m + 1 : m });
  return t('questionSets.duration.s', { s });
}

export const dateLabel = (iso: string | null | undefined, lang: string) =>
  iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) : '';
