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

  /** Suspends (or takes back) each of these cards through the API; the statuses in order. */
  async apiSetSuspended(questionIds: string[], suspended: boolean): Promise<number[]> {
    return this.page.evaluate(
      async ({ ids, action }) => {
        const token = ((await (await fetch('/api/auth/csrf', { credentials: 'include' })).json()) as { token: string }).token;
        const statuses: number[] = [];
        for (const id of ids) {
          const res = await fetch(`/api/drills/cards/${encodeURIComponent(id)}/${action}`, { method: 'POST', credentials: 'include', headers: { 'X-CSRF-Token': token } });
          statuses.push(res.status);
        }
        return statuses;
      },
      { ids: questionIds, action: suspended ? 'suspend' : 'unsuspend' },
    );
  }

  /** Adds the topics' questions to the deck through the API, until it holds more than `atLeast` cards; the ids added. */
  async apiGrowDeck(atLeast: number): Promise<string[]> {
    const before = new Set(await this.apiDeckIds());
    await this.page.evaluate(async (want) => {
      const token = ((await (await fetch('/api/auth/csrf', { credentials: 'include' })).json()) as { token: string }).token;
      const topics = (await (await fetch('/api/topics', { credentials: 'include' })).json()) as Array<{ id: string }>;
      for (const { id } of topics) {
        const deck = (await (await fetch('/api/drills/deck?limit=1', { credentials: 'include' })).json()) as { total: number };
        if (deck.total > want) return;
        await fetch('/api/drills/deck', { method: 'POST', credentials: 'include', headers: { 'X-CSRF-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify({ topic: id }) });
      }
    }, atLeast);
    return (await this.apiDeckIds()).filter((id) => !before.has(id));
  }

  /** Removes cards from the deck through the API. */
  async apiRemoveCards(questionIds: string[]): Promise<void> {
    await this.page.evaluate(async (ids) => {
      const token = ((await (await fetch('/api/auth/csrf', { credentials: 'include' })).json()) as { token: string }).token;
      for (const id of ids) await fetch(`/api/drills/deck/${encodeURIComponent(id)}`, { method: 'DELETE', credentials: 'include', headers: { 'X-CSRF-Token': token } });
    }, questionIds);
  }

  /** Every card of the learner's deck, in the deck's order. */
  async apiDeckIds(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const res = await fetch('/api/drills/deck?limit=500', { credentials: 'include' });
      return ((await res.json()) as { cards: Array<{ questionId: string }> }).cards.map((c) => c.questionId);
    });
  }

  async apiSuspendedIds(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const res = await fetch('/api/drills/deck?filter=suspended', { credentials: 'include' });
      return ((await res.json()) as { cards: Array<{ questionId: string }> }).cards.map((c) => c.questionId);
    });
  }
}
