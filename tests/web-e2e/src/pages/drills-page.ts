import type { Page } from 'playwright-core';

export type CardInfo = { questionId: string; type: string };

/** Drills at /drills: today's progress, the stats strip, "add a topic", and one card at a time. */
export class DrillsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/drills');
    await this.addTopicForm.waitFor();
  }

  get addTopicForm() {
    return this.page.getByTestId('add-topic-form');
  }

  get card() {
    return this.page.getByTestId('drill-card');
  }

  get verdict() {
    return this.card.getByTestId('drill-verdict');
  }

  get progress() {
    return this.page.getByTestId('session-progress');
  }

  get dueTomorrow() {
    return this.page.getByTestId('due-tomorrow');
  }

  get lastAction() {
    return this.page.getByTestId('last-action');
  }

  rateButton(rating: 'again' | 'hard' | 'good' | 'easy') {
    return this.card.getByTestId(`rate-${rating}`);
  }

  /** Adds a topic's questions to the deck with the select and its button. */
  async addTopic(topic: string): Promise<void> {
    await this.page.getByTestId('add-topic-select').selectOption(topic);
    await this.page.getByTestId('add-topic').click();
    await this.page.getByTestId('add-topic-status').filter({ hasText: /\d/ }).waitFor();
  }

  /** The card in its question phase (not yet checked). */
  async waitForQuestion(): Promise<CardInfo> {
    const card = this.page.locator('[data-testid="drill-card"][data-phase="question"]');
    await card.waitFor();
    return { questionId: (await card.getAttribute('data-question-id')) ?? '', type: (await card.getAttribute('data-type')) ?? '' };
  }

  async waitForVerdict(): Promise<{ status: string; rating: string }> {
    await this.page.locator('[data-testid="drill-card"][data-phase="revealed"]').waitFor();
    return {
      status: (await this.verdict.getAttribute('data-status')) ?? '',
      rating: (await this.card.getAttribute('data-rating')) ?? '',
    };
  }

  /** Answers the shown card with the keyboard only, whatever its type, and presses Enter to check. */
  async answerByKeyboard(type: string): Promise<void> {
    const k = this.page.keyboard;
    switch (type) {
      case 'single':
      case 'multi':
      case 'true-false':
        await k.press('1');
        await k.press('Enter');
        return;
      case 'short':
        await k.type('a guess');
        await k.press('Enter');
        return;
      case 'numeric':
        await k.type('1');
        await k.press('Enter');
        return;
      case 'code-output':
      case 'essay':
        await k.type('a guess');
        await k.press('Control+Enter');
        return;
      default:
        // code-lines without a selection ("show me"), flashcards: Enter shows the answer.
        await k.press('Enter');
    }
  }

  /** The question id of the first card in today's queue, per the API. */
  async apiFirstDue(): Promise<string> {
    return this.page.evaluate(async () => {
      const res = await fetch('/api/drills/due', { credentials: 'include' });
      return ((await res.json()) as { cards: Array<{ questionId: string }> }).cards[0]?.questionId ?? '';
    });
  }

  /** Cards due tomorrow according to the API (the stats strip must say the same). */
  async apiDueTomorrow(): Promise<number> {
    return this.page.evaluate(async () => {
      const res = await fetch('/api/drills/stats', { credentials: 'include' });
      const body = (await res.json()) as { forecast: { count: number }[] };
      return body.forecast[1]?.count ?? -1;
    });
  }
}
