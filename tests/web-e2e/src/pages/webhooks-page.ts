import type { Page } from 'playwright-core';

/** Organization settings, Webhooks: /hiring/orgs/:orgId/webhooks. */
export class WebhooksPage {
  constructor(readonly page: Page) {}

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/hiring/orgs/${orgId}/webhooks`);
    await this.form.waitFor();
  }

  get form() {
    return this.page.getByTestId('webhook-form').first();
  }

  get created() {
    return this.page.getByTestId('webhook-created');
  }

  endpoint(url: string) {
    return this.page.locator(`[data-testid="webhook-endpoint"][data-url="${url}"]`);
  }

  /** Fills the add form: URL, description, and exactly these events ticked. */
  async add(url: string, description: string, events: readonly string[]): Promise<void> {
    const form = this.form;
    await form.getByTestId('webhook-url').fill(url);
    await form.getByTestId('webhook-description').fill(description);
    for (const box of await form.locator('[data-testid^="webhook-event-"]').all()) {
      const event = (await box.getAttribute('data-testid'))!.replace('webhook-event-', '');
      if (events.includes(event) !== (await box.isChecked())) await box.click();
    }
    await form.getByTestId('webhook-save').click();
  }
}
