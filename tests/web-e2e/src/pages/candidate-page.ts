import type { Page } from 'playwright-core';
import { QuizRunnerPage } from './quiz-runner-page';

/** The public candidate page (/take#<token>): intro, the shared runner, then what the policy allows. */
export class CandidatePage {
  readonly runner: QuizRunnerPage;

  constructor(readonly page: Page) {
    this.runner = new QuizRunnerPage(page);
  }

  /** Opens an invite link as given to the candidate (absolute, with the token in the fragment). */
  async open(link: string): Promise<void> {
    const url = new URL(link);
    await this.page.goto(`${url.pathname}${url.hash}`);
  }

  get intro() {
    return this.page.getByTestId('invite-intro');
  }

  get start() {
    return this.page.getByTestId('start-test');
  }

  get closed() {
    return this.page.getByTestId('invite-closed');
  }

  async closedReason(): Promise<string | null> {
    await this.closed.waitFor();
    return this.closed.getAttribute('data-reason');
  }

  get submitted() {
    return this.page.getByTestId('candidate-submitted');
  }

  get reviewItems() {
    return this.page.getByTestId('candidate-review-item');
  }

  async submit(): Promise<void> {
    await this.runner.submitButton.click();
    await this.runner.submitDialog.waitFor();
    // A candidate takes an assessment: the dialog never calls it a quiz (测验 in Chinese).
    const title = (await this.runner.submitDialog.locator('h2').textContent()) ?? '';
    if (/quiz|测验/i.test(title) || title.length === 0) throw new Error(`the candidate's submit dialog says "${title}"`);
    await this.runner.confirmSubmit.click();
    await this.submitted.waitFor();
  }

  /**
   * Starts the assessment, picks the first option of each of the first `count` questions (all
   * choice questions), and submits: for a spec that needs a submitted attempt, not a particular answer.
   */
  async submitFirstOptions(count: number): Promise<void> {
    await this.start.click();
    await this.runner.root.waitFor();
    for (let i = 0; i < count; i++) {
      if (i > 0) await this.page.getByTestId('next').click();
      await this.runner.option(1).check();
    }
    await this.runner.waitForSaved();
    await this.submit();
  }

  /** A paste into the focused answer field, as the browser reports it (the clipboard itself is not needed). */
  async pasteInto(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }
}
