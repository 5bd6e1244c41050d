import type { Page } from 'playwright-core';

/** The results of a set and a candidate's report. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  async goto(orgId: string, setId: string): Promise<void> {
    await this.page.goto(`/hiring/orgs/${orgId}/sets/${setId}/results`);
    await this.page.getByTestId('results').waitFor();
  }

  get table() {
    return this.page.getByTestId('results-table');
  }

  row(email: string) {
    return this.page.locator(`[data-testid="result-row"][data-email="${email}"]`);
  }

  async openReport(email: string): Promise<void> {
    await this.row(email).getByTestId('report-link').click();
    await this.report.waitFor();
  }

  get report() {
    return this.page.getByTestId('candidate-report');
  }

  get reportItems() {
    return this.page.getByTestId('report-item');
  }

  get signals() {
    return this.page.getByTestId('signals');
  }

  /** "Show N more" under the table, there while rows matching the filters are not loaded yet. */
  get more() {
    return this.page.getByTestId('results-more');
  }

  get shown() {
    return this.page.getByTestId('results-shown');
  }
}
