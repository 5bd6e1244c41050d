import type { Page } from 'playwright-core';

/** Monaco's rendered lines inside the attempt runner's and playground's editor; the room passes its own. */
const CODE_EDITOR_LINES = '[data-testid="code-editor"][data-ready="true"] .view-lines';

/** The text Monaco shows (its rendered lines, spaces normalised). */
export async function editorText(page: Page, lines = CODE_EDITOR_LINES): Promise<string> {
  const text = await page.locator(lines).innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Waits until the editor shows `expected`. Monaco renders typed keys and a newly set model in
 * a later animation frame, so reading the lines right after `keyboard.type` can see half the text
 * on a loaded machine (it did in CI: "// edited by th"). Fails with what the editor showed.
 */
export async function waitForEditorText(page: Page, expected: string, opts: { lines?: string; timeout?: number } = {}): Promise<void> {
  const { lines = CODE_EDITOR_LINES, timeout = 15_000 } = opts;
  try {
    await page.waitForFunction(
      ({ selector, text }) => (document.querySelector(selector) as HTMLElement | null)?.innerText.replace(/\u00a0/g, ' ').includes(text) ?? false,
      { selector: lines, text: expected },
      { timeout },
    );
  } catch (err) {
    const shown = await editorText(page, lines).catch(() => '(no editor)');
    throw new Error(`the code editor never showed ${JSON.stringify(expected)} within ${timeout} ms; it showed:\n${shown}\n(${String(err)})`);
  }
}
