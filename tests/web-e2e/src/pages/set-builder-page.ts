import type { Locator, Page } from 'playwright-core';

/** Hiring → Question sets: the org's set list and the builder of one set. */
export class SetBuilderPage {
  constructor(readonly page: Page) {}

  // ---- list page

  async openFromHiring(): Promise<void> {
    await this.page.goto('/hiring');
    await this.page.getByTestId('question-sets-area').waitFor();
    await this.page.getByTestId('open-question-sets').click();
    await this.page.getByTestId('create-set').waitFor();
  }

  get createForm() {
    return this.page.getByTestId('create-set');
  }

  async create(title: string, templateLabel: RegExp): Promise<void> {
    await this.createForm.locator('[name="new-set-title"]').fill(title);
    const select = this.createForm.locator('[name="new-set-template"]');
    // Templates load asynchronously; wait for the option before choosing it.
    await select.locator('option', { hasText: templateLabel }).waitFor({ state: 'attached' });
    const value = await select.locator('option', { hasText: templateLabel }).getAttribute('value');
    await select.selectOption(value ?? '');
    await this.createForm.getByRole('button', { name: 'Create set' }).click();
    await this.page.getByTestId('set-items-card').waitFor();
  }

  listRow(title: string) {
    return this.page.getByTestId('set-row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  // ---- builder

  get items() {
    return this.page.getByTestId('set-item');
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="set-item"][data-name="${name.replace(/"/g, '\\"')}"]`);
  }

  async itemNames(): Promise<string[]> {
    return this.items.evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''));
  }

  handle(name: string) {
    return this.item(name).getByTestId('item-handle');
  }

  get announcement() {
    return this.page.getByTestId('reorder-announcement');
  }

  get saveStatus() {
    return this.page.getByTestId('save-status');
  }

  async waitSaved(): Promise<void> {
    await this.page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
  }

  setting(name: string) {
    return this.page.getByTestId('set-settings').locator(`[name="${name}"]`);
  }

  get summary() {
    return this.page.getByTestId('set-summary');
  }

  get bank() {
    return this.page.getByTestId('bank-browser');
  }

  async showBank(): Promise<void> {
    await this.page.getByTestId('set-add').getByRole('button', { name: 'From the bank' }).click();
  }

  async showPoolForm(): Promise<void> {
    await this.page.getByTestId('set-add').getByRole('button', { name: 'Random pool' }).click();
    await this.page.getByTestId('pool-form').waitFor();
  }

  async addPool(pool: { topic: string; count: number; min: number; max: number; excludeTags: string }): Promise<void> {
    const form = this.page.getByTestId('pool-form');
    await form.locator('[name="pool-topic"]').selectOption(pool.topic);
    await form.locator('[name="pool-count"]').fill(String(pool.count));
    await form.locator('[name="pool-min"]').selectOption(String(pool.min));
    await form.locator('[name="pool-max"]').selectOption(String(pool.max));
    await form.locator('[name="pool-exclude"]').fill(pool.excludeTags);
    await form.getByTestId('add-pool').click();
  }

  async publish(): Promise<void> {
    await this.page.getByTestId('publish').click();
    const confirm = this.page.getByTestId('publish-confirm');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /^Publish version/ }).click();
    await confirm.waitFor({ state: 'detached' });
  }

  version(n: number) {
    return this.page.locator(`[data-testid="set-version"][data-version="${n}"]`);
  }
}
