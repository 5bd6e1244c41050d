import type { Page } from 'playwright-core';

export class QuestionPage {
  constructor(readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/practice/questions/${encodeURIComponent(id)}`);
    await this.page.locator('#question-title').waitFor();
  }

  get viewer() {
    return this.page.locator('[data-testid="code-viewer"][data-ready="true"]');
  }

  async waitForCode(): Promise<void> {
    await this.viewer.locator('.cv-row').first().waitFor();
  }

  /** Distinct token colours in the rendered lines (plain text included): 1 means no highlighting. */
  async tokenColourCount(): Promise<number> {
    return this.viewer.evaluate((root) => {
      const colours = new Set<string>();
      root.querySelectorAll('.cv-text, .cv-text span').forEach((el) => colours.add(getComputedStyle(el).color));
      return colours.size;
    });
  }

  async languageOfViewer(): Promise<string | null> {
    return this.viewer.getAttribute('data-language');
  }

  lineNumber(n: number) {
    return this.viewer.locator('.cv-num', { hasText: new RegExp(`^${n}$`) });
  }

  /** The list of lines that has the keyboard focus in a selectable viewer. */
  get lineList() {
    return this.viewer.getByRole('listbox');
  }

  async selectedLines(): Promise<string | null> {
    return this.viewer.getAttribute('data-selected-lines');
  }

  get selectionStatus() {
    return this.page.getByTestId('code-viewer-selection');
  }

  get announcement() {
    return this.page.getByTestId('code-viewer-announcement');
  }
}
