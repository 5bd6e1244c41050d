import type { Page } from 'playwright-core';

export class PracticePage {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/practice${query}`);
    await this.list.waitFor();
  }

  get list() {
    return this.page.getByTestId('question-list');
  }

  get rows() {
    return this.list.locator('.question-row');
  }

  topicChip(label: string) {
    return this.page.locator('.topic-list button', { hasText: label });
  }

  get search() {
    return this.page.getByRole('searchbox');
  }

  get summary() {
    return this.page.locator('.list-summary');
  }
}
