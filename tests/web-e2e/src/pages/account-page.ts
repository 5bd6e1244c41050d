import type { Page } from 'playwright-core';

/** Account: profile, question language, organizations. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/account');
    await this.contentLanguageForm.waitFor();
  }

  get contentLanguageForm() {
    return this.page.getByTestId('content-language-form');
  }

  /** Chooses the question language by its visible label and saves it. */
  async setContentLanguage(label: string): Promise<void> {
    await this.contentLanguageForm.locator('select[name="contentLanguage"]').selectOption({ label });
    await this.contentLanguageForm.getByRole('button').click();
    await this.contentLanguageForm.getByRole('status').waitFor();
  }
}
