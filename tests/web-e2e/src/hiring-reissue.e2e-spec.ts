import type { Page } from 'playwright-core';
import { CandidatePage } from './pages/candidate-page';
import { HiringApi } from './pages/hiring-api';
import { InvitesPage } from './pages/invites-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const PASSWORD = 'correct horse battery staple';
// Six topics, as in the report of the clipped table (issue 16.11); more topics scroll inside the card.
const TOPICS = ['memory-model', 'goroutine-leaks', 'gc-tuning', 'channels', 'context', 'sync'];

describe('hiring: a first organization in place, a new invite link, the results table at 1366 px', () => {
  let browser: Browser;
  let page: Page;
  let api: HiringApi;
  let orgId = '';
  let setId = '';

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    page = await browser.context.newPage();
    api = new HiringApi(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should offer to create an organization on the Hiring page itself', async () => {
    await RegisterPage.signUp(page, { displayName: 'Noor Manager', email: uniqueEmail('first-org'), password: PASSWORD });
    await page.goto('/hiring');
    const start = page.getByTestId('hiring-start');
    await start.getByRole('heading', { name: 'Create an organization to start hiring' }).waitFor();
    await screenshot(page, 'hiring-no-org');
    await start.getByLabel('New organization name').fill('Noor Labs');
    await start.getByRole('button', { name: 'Create organization' }).click();
    // The page turns into the working Hiring page, still at /hiring.
    await page.getByTestId('question-sets-area').waitFor();
    await page.getByTestId('org-questions').waitFor();
    expect(new URL(page.url()).pathname).toBe('/hiring');
    const me = await api.get<{ organizations: Array<{ id: string; name: string; role: string }> }>('/api/me');
    expect(me.organizations).toEqual([expect.objectContaining({ name: 'Noor Labs', role: 'owner' })]);
    orgId = me.organizations[0]!.id;
  });

  it('should re-issue a link: the new one opens the assessment, the old one is refused', async () => {
    const questionIds: string[] = [];
    for (const topic of TOPICS) {
      const found = await api.get<{ items: Array<{ id: string }> }>(`/api/questions?topic=${topic}&type=single&pageSize=1`);
      questionIds.push(found.items[0]!.id);
    }
    setId = await api.publishedSet(orgId, { title: 'Platform screen', instructions: 'Answer what you can.', timeLimitSeconds: 1200, reviewPolicy: 'score', questionIds });
    const [invite] = await api.invite(orgId, setId, [{ name: 'Lee Lost', email: 'lee@cand.example' }], new Date(Date.now() + 86_400_000));
    const oldLink = invite!.link;

    const invites = new InvitesPage(page);
    await invites.goto(orgId, setId);
    page.once('dialog', (d) => void d.accept());
    await invites.row('lee@cand.example').getByTestId('invite-reissue').click();
    const fresh = invites.row('lee@cand.example').getByTestId('reissued-link-url');
    await fresh.waitFor();
    const newLink = await fresh.inputValue();
    expect(newLink).not.toBe(oldLink);
    expect(new URL(newLink).pathname).toBe('/take');
    await screenshot(page, 'invite-reissued');

    const candidateBrowser = await launchBrowser();
    try {
      const candidate = new CandidatePage(await candidateBrowser.context.newPage());
      await candidate.open(oldLink);
      expect(await candidate.closedReason()).toBe('invalid');
      await candidate.open(newLink);
      await candidate.page.reload();
      await candidate.intro.waitFor();
      await candidate.start.click();
      await candidate.submit();
    } finally {
      await candidateBrowser.close();
    }
  });

  it('should show the signals column of the results table without scrolling at 1366 px', async () => {
    await page.goto(`/hiring/orgs/${orgId}/sets/${setId}/results`);
    await page.locator('[data-testid="result-row"][data-status="submitted"]').waitFor();
    const header = page.getByTestId('signals-header');
    const region = page.locator('.results__scroll');
    await screenshot(page, 'results-1366');
    const [h, r] = await Promise.all([header.boundingBox(), region.boundingBox()]);
    expect(h).not.toBeNull();
    expect(h!.x + h!.width).toBeLessThanOrEqual(r!.x + r!.width);
    // Nor is the whole table wider than its card.
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});
