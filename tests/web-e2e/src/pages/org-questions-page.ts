import type { Page } from 'playwright-core';

/** Hiring → Organization questions: the list (with badges) and the question editor. */
export class OrgQuestionsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/hiring');
    await this.area.waitFor();
  }

  get area() {
    return this.page.getByTestId('org-questions');
  }

  get list() {
    return this.page.getByTestId('org-question-list');
  }

  row(title: string) {
    return this.page.getByTestId('org-question-row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async verificationOf(title: string): Promise<string | null> {
    return this.row(title).getByTestId('verification-badge').getAttribute('data-verification');
  }

  async startNew(): Promise<void> {
    await this.page.getByTestId('new-org-question').click();
    await this.form.waitFor();
  }

  async openEditor(title: string): Promise<void> {
    await this.row(title).getByRole('link', { name: `Edit “${title}”` }).click();
    await this.form.waitFor();
  }

  get form() {
    return this.page.getByTestId('org-question-form');
  }

  field(name: string) {
    return this.form.locator(`[name="${name}"]`);
  }

  fieldError(name: string) {
    return this.form.locator(`.field:has([name="${name}"]) .field__error`);
  }

  get summary() {
    return this.page.getByTestId('form-summary');
  }

  async fillBasics(values: { title: string; type: string; topic: string; subtopic: string; tags: string; references: string }): Promise<void> {
    await this.field('title').fill(values.title);
    await this.field('type').selectOption(values.type);
    await this.field('topic').selectOption(values.topic);
    await this.field('subtopic').fill(values.subtopic);
    await this.field('tags').fill(values.tags);
    await this.field('references').fill(values.references);
  }

  async fillContent(prompt: string, explanation: string): Promise<void> {
    await this.field('prompt').fill(prompt);
    await this.field('explanation').fill(explanation);
  }

  async fillOption(index: number, text: string, correct: boolean): Promise<void> {
    await this.field(`options.${index}.text`).fill(text);
    if (correct) await this.form.getByTestId('options').locator('.oq-option').nth(index).getByLabel('Correct').check();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-org-question').click();
  }
}
