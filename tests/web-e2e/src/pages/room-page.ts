import type { Page } from 'playwright-core';
import { editorText, waitForEditorText } from '../support/code-editor';

const ROOM_EDITOR_LINES = '[data-testid="room-editor"] .view-lines';

/** The live room, the way a participant sees it: shared editor, presence, run output, interviewer panel. */
export class RoomPage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('room');
  }

  /** Resolves once the shared document has synced and Monaco shows it. */
  async waitForEditor(): Promise<void> {
    await this.page.locator('[data-testid="room"][data-synced="true"]').waitFor();
    await this.page.locator('[data-testid="room-editor"] .view-line').first().waitFor();
  }

  /** Monaco's rendered text (lines may come out of order in the DOM: check single lines). */
  editorText(): Promise<string> {
    return editorText(this.page, ROOM_EDITOR_LINES);
  }

  /** Waits until the editor shows `text` (typed here or by the other participant). */
  waitForText(text: string, timeout = 10_000): Promise<void> {
    return waitForEditorText(this.page, text, { lines: ROOM_EDITOR_LINES, timeout });
  }

  /**
   * Types at the end of the current file, on a new line, through Monaco's own input, at a fast
   * human pace: each key is a document update plus a cursor update, and the server allows a
   * connection 60 messages a second (instant typing would trip that limit and reconnect).
   */
  async typeAtEnd(text: string): Promise<void> {
    await this.page.locator(ROOM_EDITOR_LINES).click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text, { delay: 60 });
  }

  presenceNames() {
    return this.page.getByTestId('room-presence').locator('li');
  }

  file(name: string) {
    return this.page.getByRole('tab', { name, exact: true });
  }

  get panel() {
    return this.page.getByTestId('interviewer-panel');
  }

  get runButton() {
    return this.page.getByTestId('room-run');
  }

  get runResult() {
    return this.page.getByTestId('room-run-result');
  }
}
