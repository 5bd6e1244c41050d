import type { Page } from 'playwright-core';

/** The invites page of a set: /hiring/orgs/:orgId/sets/:setId/invites. */
export class InvitesPage {
  constructor(readonly page: Page) {}

  async goto(orgId: string, setId: string): Promise<void> {
    await this.page.goto(`/hiring/orgs/${orgId}/sets/${setId}/invites`);
    await this.form.waitFor();
  }

  get form() {
    return this.page.getByTestId('create-invites');
  }

  get people() {
    return this.page.getByTestId('invitees-text');
  }

  get lineErrors() {
    return this.page.getByTestId('line-errors');
  }

  get submit() {
    return this.page.getByTestId('create-invites-submit');
  }

  get created() {
    return this.page.getByTestId('created-links');
  }

  /** The one-time link shown for this email right after creating it. */
  async linkFor(email: string): Promise<string> {
    return this.created.locator(`[data-testid="created-link"][data-email="${email}"] [data-testid="created-link-url"]`).inputValue();
  }

  row(email: string) {
    return this.page.locator(`[data-testid="invite-row"][data-email="${email}"]`);
  }

  async statusOf(email: string): Promise<string | null> {
    return this.row(email).getAttribute('data-status');
  }

  async revoke(email: string): Promise<void> {
    this.page.once('dialog', (d) => void d.accept());
    await this.row(email).getByTestId('invite-revoke').click();
    await this.page.locator(`[data-testid="invite-row"][data-email="${email}"][data-status="revoked"]`).waitFor();
  }
}
