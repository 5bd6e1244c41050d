import type { Page } from 'playwright-core';

/** The result of a submitted attempt, and Practice → My attempts. */
export class QuizResultPage {
  constructor(readonly page: Page) {}

  async waitFor(id: string, timeout = 30_000): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === `/practice/attempts/${id}/result`, { timeout });
    await this.page.getByTestId('attempt-result').waitFor();
  }

  get percent() {
    return this.page.getByTestId('result-percent');
  }

  get topicChart() {
    return this.page.getByTestId('chart-topic');
  }

  get difficultyChart() {
    return this.page.getByTestId('chart-difficulty');
  }

  item(n: number) {
    return this.page.getByTestId(`review-item-${n}`);
  }

  get items() {
    return this.page.locator('[data-testid^="review-item-"]');
  }

  async gotoHistory(): Promise<void> {
    await this.page.goto('/practice/attempts');
    await this.page.locator('main h1').waitFor();
  }

  get historyRows() {
    return this.page.getByTestId('history-row');
  }

  get trend() {
    return this.page.getByTestId('topic-trend');
  }
}
