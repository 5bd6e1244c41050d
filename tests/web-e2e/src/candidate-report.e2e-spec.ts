import type { Locator, Page } from 'playwright-core';
import { CandidatePage } from './pages/candidate-page';
import type { HiringApi } from './pages/hiring-api';
import { ResultsPage } from './pages/results-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';
import { managerWithOrg } from './support/hiring-setup';

/** A choice question whose options carry inline code, and a find-the-lines question. */
const CHOICE = 'mm-typed-atomics-alignment';
const LINES = 'ch-nil-send-blocks';

async function labelled(options: Locator): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const option of await options.all()) {
    out.set(((await option.getByTestId('option-label').textContent()) ?? '').trim(), ((await option.locator('.markdown').first().textContent()) ?? '').trim());
  }
  return out;
}

describe("the candidate report shows answers as the candidate saw them", () => {
  let managerBrowser: Browser;
  let manager: Page;
  let api: HiringApi;
  let orgId: string;
  let setId: string;
  let link: string;
  const candidateEmail = uniqueEmail('lena');
  let seen = new Map<string, string>();

  beforeAll(async () => {
    ({ browser: managerBrowser, page: manager, api, orgId } = await managerWithOrg({
      displayName: 'Mira',
      emailPrefix: 'report',
      password: 'reports that read well',
      orgName: 'Gopher Reports',
    }));
    setId = (await api.send('POST', `/api/orgs/${orgId}/sets`, { title: 'Report screen' }))['id'] as string;
    await api.send('PUT', `/api/orgs/${orgId}/sets/${setId}/draft`, {
      title: 'Report screen',
      instructions: 'Two questions.',
      timeLimitSeconds: 900,
      // Shuffled: the candidate's letters are not the bank's order.
      shuffleOptions: true,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: 'correctness',
      items: [CHOICE, LINES].map((questionId) => ({ kind: 'fixed', questionId, points: 1 })),
    });
    await api.send('POST', `/api/orgs/${orgId}/sets/${setId}/publish`);
    const [invite] = await api.invite(orgId, setId, [{ name: 'Lena Go', email: candidateEmail }], new Date(Date.now() + 86_400_000));
    link = invite?.link ?? '';
  });

  afterAll(async () => {
    await managerBrowser?.close();
  });

  it('should let the candidate answer with lettered options and a clicked line', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const candidate = new CandidatePage(page);
      await candidate.open(link);
      await candidate.start.click();
      const runner = candidate.runner;
      await runner.root.waitFor();
      seen = await labelled(runner.question.locator('.quiz-option'));
      expect([...seen.keys()]).toEqual(['A', 'B', 'C', 'D']);
      await runner.option(2).check();
      await page.getByTestId('next').click();
      await runner.waitForCode();
      await runner.lineNumber(1).click();
      expect(await runner.selectedLines()).toBe('1');
      await runner.waitForSaved();
      await candidate.submit();
    } finally {
      await browser.close();
    }
  });

  it("should show the manager the candidate's letters with Markdown rendered, and the lines marked in the code", async () => {
    const results = new ResultsPage(manager);
    await results.goto(orgId, setId);
    await results.row(candidateEmail).waitFor();
    await results.openReport(candidateEmail);
    const choice = manager.locator('[data-testid="report-item"][data-type="single"]');
    const reviewed = await labelled(choice.getByTestId('review-option'));
    expect(reviewed).toEqual(seen);
    expect(await choice.locator('.review-option--picked [data-testid="option-label"]').textContent()).toBe('B');
    expect(await choice.locator('.review-option--picked').textContent()).toContain("Candidate's pick");
    // Inline code is rendered, not shown as backticks.
    expect(await choice.getByTestId('review-option').locator('code').count()).toBeGreaterThan(0);
    expect((await choice.getByTestId('review-option').allTextContents()).join(' ')).not.toContain('`');

    const lines = manager.locator('[data-testid="report-item"][data-type="code-lines"]');
    const viewer = lines.locator('[data-testid="code-viewer"][data-ready="true"]');
    await viewer.locator('.cv-row').first().waitFor();
    // Shown without expanding the question: the candidate's line 1 marked wrong, the key's lines missed.
    const marks = (await viewer.getAttribute('data-marks')) ?? '';
    expect(marks).toMatch(/(^|,)1wrong(,|$)/);
    expect(marks).toMatch(/\d+missed/);
    expect(await lines.getByTestId('code-viewer-legend').isVisible()).toBe(true);
    await screenshot(manager, 'candidate-report-marks');
  });
});
