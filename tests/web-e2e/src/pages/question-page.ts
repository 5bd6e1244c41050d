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

  async waitForMonaco(): Promise<void> {
    await this.viewer.locator('.monaco-editor .view-lines .view-line').first().waitFor();
  }

  /** Distinct Monaco token classes in the rendered lines: 1 means no highlighting. */
  async tokenClassCount(): Promise<number> {
    return this.viewer.evaluate((root) => {
      const classes = new Set<string>();
      root.querySelectorAll('.view-lines span[class*="mtk"]').forEach((el) => {
        el.classList.forEach((c) => {
          if (/^mtk\d+$/.test(c)) classes.add(c);
        });
      });
      return classes.size;
    });
  }

  async languageOfEditor(): Promise<string | null> {
    return this.viewer.locator('[data-mode-id]').first().getAttribute('data-mode-id');
  }

  lineNumber(n: number) {
    return this.viewer.locator('.margin-view-overlays .line-numbers', { hasText: new RegExp(`^${n}$`) });
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
