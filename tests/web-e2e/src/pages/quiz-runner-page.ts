import type { Page } from 'playwright-core';

export type DeliveredItem = {
  position: number;
  type: string;
  code?: string;
  options?: { id: string; text: string }[];
  answer: { response: Record<string, unknown> | null; flagged: boolean; revision: number } | null;
};

/** The quiz runner at /practice/attempts/:id. */
export class QuizRunnerPage {
  constructor(readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/practice/attempts/${id}`);
    await this.root.waitFor();
  }

  get root() {
    return this.page.getByTestId('quiz-runner');
  }

  get question() {
    return this.page.getByTestId('quiz-question');
  }

  get saveStatus() {
    return this.page.getByTestId('save-status');
  }

  get timer() {
    return this.page.getByTestId('quiz-timer');
  }

  get timeAnnouncement() {
    return this.page.getByTestId('time-announcement');
  }

  navItem(n: number) {
    return this.page.getByTestId(`nav-item-${n}`);
  }

  option(n: number) {
    return this.question.getByTestId(`option-${n}`);
  }

  get answerText() {
    return this.question.getByTestId('answer-text');
  }

  get viewer() {
    return this.question.locator('[data-testid="code-viewer"][data-ready="true"]');
  }

  lineNumber(n: number) {
    return this.viewer.locator('.cv-num', { hasText: new RegExp(`^${n}$`) });
  }

  /** Goes to the item at this 1-based index and waits until it is shown. */
  async open(n: number, position: number): Promise<void> {
    await this.navItem(n).click();
    await this.page.waitForFunction(
      (p) => document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-position') === String(p),
      position,
    );
  }

  async waitForCode(): Promise<void> {
    await this.viewer.locator('.cv-row').first().waitFor();
  }

  async selectedLines(): Promise<string | null> {
    return this.viewer.getAttribute('data-selected-lines');
  }

  /** Full-page screenshots draw sticky bars where the page was scrolled to; start from the top. */
  async scrollToTop(): Promise<void> {
    await this.page.evaluate(() => window.scrollTo(0, 0));
  }

  /** Waits until every queued save is confirmed by the server. */
  async waitForSaved(): Promise<void> {
    await this.page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="save-status"]');
      return el?.getAttribute('data-status') === 'saved' && el.getAttribute('data-pending') === '0';
    });
  }

  async waitForStatus(status: 'saved' | 'saving' | 'offline' | 'error'): Promise<void> {
    await this.page.waitForFunction((s) => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-status') === s, status);
  }

  /** The attempt as the server delivers it (the learner's own view, no keys). */
  async delivery(id: string): Promise<{ items: DeliveredItem[]; state: string }> {
    const res = await this.page.request.get(`/api/attempts/${id}`);
    if (!res.ok()) throw new Error(`GET /api/attempts/${id}: ${res.status()}`);
    return (await res.json()) as { items: DeliveredItem[]; state: string };
  }

  async queued(id: string): Promise<unknown[]> {
    return this.page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[], `goprep.attempt-queue.${id}`);
  }

  get submitButton() {
    return this.page.getByTestId('open-submit');
  }

  get submitDialog() {
    return this.page.getByTestId('submit-dialog');
  }

  get confirmSubmit() {
    return this.page.getByTestId('confirm-submit');
  }
}
