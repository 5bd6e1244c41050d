/** Retention 0.6 or below is full red (hue 0), 1.0 full green (hue 130); in between through amber. */
export function retentionHue(retention: number): number {
  const clamped = Math.min(1, Math.max(0.6, retention));
  return Math.round(((clamped - 0.6) / 0.4) * 130);
}

/** "YYYY-MM-DD" as a short date in `lang` ("Nov 21", "11月21日"); a calendar day, not an instant. */
export function shortDay(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** Bar height in chart units: proportional to the busiest day, never invisible for a non-empty day. */
export function barHeight(count: number, peak: number, height: number): number {
  if (count <= 0) return 0;
  return Math.max(2, (count / Math.max(1, peak)) * height);
}
