import type { Page } from 'playwright-core';

/** Practice → Take a quiz. */
export class QuizStartPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/practice/quiz');
    await this.form.waitFor();
  }

  get form() {
    return this.page.getByTestId('quiz-start-form');
  }

  topic(id: string) {
    return this.page.getByTestId(`topic-${id}`);
  }

  get count() {
    return this.page.getByTestId('count');
  }

  get minutes() {
    return this.page.getByTestId('minutes');
  }

  get startButton() {
    return this.page.getByTestId('start-quiz');
  }

  /** Starts a quick quiz and returns the new attempt's id once the runner shows it. */
  async startQuick(options: { topics: string[]; count: number; minutes: number }): Promise<string> {
    for (const id of options.topics) await this.topic(id).check();
    await this.count.fill(String(options.count));
    await this.minutes.fill(String(options.minutes));
    await this.startButton.click();
    await this.page.waitForURL(/\/practice\/attempts\/[0-9a-f-]{36}$/);
    await this.page.getByTestId('quiz-runner').waitFor();
    return this.page.url().split('/').pop() ?? '';
  }
}
