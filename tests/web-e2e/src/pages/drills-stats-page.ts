import type { Locator, Page } from 'playwright-core';

/** The drills dashboard at /drills/stats: tiles, the forecast bars, the topic heat map, suspended cards. */
export class DrillsStatsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/drills/stats');
    await this.dashboard.waitFor();
  }

  get dashboard(): Locator {
    return this.page.getByTestId('drills-dashboard');
  }

  get forecast(): Locator {
    return this.dashboard.getByTestId('forecast-chart');
  }

  get bars(): Locator {
    return this.forecast.getByTestId('forecast-bar');
  }

  get heatmapCells(): Locator {
    return this.dashboard.getByTestId('heatmap-cell');
  }

  get suspendedCards(): Locator {
    return this.dashboard.getByTestId('suspended-card');
  }

  /** The count each bar carries, in day order. */
  async barCounts(): Promise<number[]> {
    return this.bars.evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
  }

  /** The learner's stats as the API gives them, fetched with the page's session. */
  async apiStats(): Promise<{ forecast: Array<{ day: string; count: number }>; byTopic: Array<{ topic: string; cards: number }>; streak: number; dueToday: number }> {
    return this.page.evaluate(async () => {
      const res = await fetch('/api/drills/stats', { credentials: 'include' });
      return (await res.json()) as { forecast: Array<{ day: string; count: number }>; byTopic: Array<{ topic: string; cards: number }>; streak: number; dueToday: number };
    });
  }

  /** Suspends one of the learner's cards through the API, as the deck's suspend action does. */
  async apiSuspend(questionId: string): Promise<number> {
    return this.page.evaluate(async (id) => {
      const token = ((await (await fetch('/api/auth/csrf', { credentials: 'include' })).json()) as { token: string }).token;
      const res = await fetch(`/api/drills/cards/${encodeURIComponent(id)}/suspend`, { method: 'POST', credentials: 'include', headers: { 'X-CSRF-Token': token } });
      return res.status;
    }, questionId);
  }

  async apiSuspendedIds(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const res = await fetch('/api/drills/deck?filter=suspended', { credentials: 'include' });
      return ((await res.json()) as { cards: Array<{ questionId: string }> }).cards.map((c) => c.questionId);
    });
  }
}
