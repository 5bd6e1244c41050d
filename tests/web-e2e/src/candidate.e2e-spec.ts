import type { Page } from 'playwright-core';
import type { HiringApi } from './pages/hiring-api';
import { InvitesPage } from './pages/invites-page';
import { ResultsPage } from './pages/results-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import type { Browser } from './support/chromium';
import { asCandidate, managerWithOrg } from './support/hiring-setup';

const INSTRUCTIONS = 'Answer each question. You may use the Go spec.';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function setLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('goprep.lang', l), lang);
  await page.reload();
}

describe('a candidate takes an assessment from an invite link, and the manager reviews it', () => {
  let managerBrowser: Browser;
  let manager: Page;
  let api: HiringApi;
  let orgId: string;
  let setId: string;
  const ada = uniqueEmail('ada');
  const bob = uniqueEmail('bob');
  const eve = uniqueEmail('eve');
  const links = new Map<string, string>();

  beforeAll(async () => {
    ({ browser: managerBrowser, page: manager, api, orgId } = await managerWithOrg({
      displayName: 'Hana',
      emailPrefix: 'hiring',
      password: 'hiring gophers since 2009',
      orgName: 'Gopher Hiring',
    }));
    const singles = await api.bankQuestions('single', 2);
    const [short] = await api.bankQuestions('short', 1);
    const [essay] = await api.bankQuestions('essay', 1);
    setId = await api.publishedSet(orgId, {
      title: 'Backend screen',
      instructions: INSTRUCTIONS,
      timeLimitSeconds: 1200,
      reviewPolicy: 'correctness',
      questionIds: [...singles, short!, essay!],
    });
  });

  afterAll(async () => {
    await managerBrowser?.close();
  });

  it('should list every bad pasted line, then create invites whose links are shown once', async () => {
    const invites = new InvitesPage(manager);
    await invites.goto(orgId, setId);
    await invites.people.fill(`Ada Lovelace, ${ada}\nBroken line, not-an-address@\nBob Pike, ${bob}`);
    await invites.lineErrors.waitFor();
    expect(await invites.lineErrors.textContent()).toContain('Line 2');
    await invites.submit.click();
    // Nothing is sent while a line is wrong.
    expect(await invites.created.count()).toBe(0);

    await invites.people.fill(`Ada Lovelace, ${ada}\nBob Pike, ${bob}\nEve Ng, ${eve}`);
    expect(await invites.lineErrors.count()).toBe(0);
    await invites.submit.click();
    await invites.created.waitFor();
    for (const email of [ada, bob, eve]) {
      const link = await invites.linkFor(email);
      expect(link).toMatch(/\/take#[A-Za-z0-9_-]{20,}$/);
      links.set(email, link);
    }
    expect(await invites.created.getByText('Not emailed').count()).toBe(3);
    await invites.row(ada).waitFor();
    expect(await invites.statusOf(ada)).toBe('invited');
    await screenshot(manager, 'candidate-invites-created');
  });

  it('should let the candidate start, keep answers over a reload, and submit', async () => {
    await asCandidate(links.get(ada)!, async (candidate) => {
      const page = candidate.page;
      // The first batch of integrity signals reaches the server but its reply is lost, as when the
      // page reloads or the connection drops while it is in flight: the browser sends it again, and
      // the manager must still see one paste (checked in the report below).
      const signalPosts: string[][] = [];
      await page.route('**/api/candidate/attempt/signals', async (route) => {
        signalPosts.push((route.request().postDataJSON() as { events: Array<{ id?: string }> }).events.map((e) => e.id ?? 'no id'));
        if (signalPosts.length > 1) return route.continue();
        await route.fetch();
        await route.abort('connectionreset');
      });
      await candidate.intro.waitFor();
      expect(await candidate.intro.textContent()).toContain(INSTRUCTIONS);
      expect(await page.getByTestId('intro-time-limit').textContent()).toBe('20 minutes');
      // The token left the address bar once it was exchanged for the candidate cookie.
      expect(new URL(page.url()).hash).toBe('');
      await screenshot(page, 'candidate-intro');

      await candidate.start.click();
      const runner = candidate.runner;
      await runner.root.waitFor();
      await runner.option(1).check();
      await runner.page.getByTestId('next').click();
      await runner.option(2).check();
      await runner.page.getByTestId('next').click();
      await candidate.pasteInto('[data-testid="answer-text"]', 'copied text');
      await runner.answerText.fill('GOMAXPROCS');
      await runner.page.getByTestId('next').click();
      await runner.answerText.fill('Close the channel from the sender once all values are sent.');
      await runner.waitForSaved();
      await screenshot(page, 'candidate-runner');

      await page.reload();
      await runner.root.waitFor();
      await runner.open(1, 1);
      expect(await runner.option(1).isChecked()).toBe(true);
      await runner.open(2, 2);
      expect(await runner.option(2).isChecked()).toBe(true);
      await runner.open(3, 3);
      expect(await runner.answerText.inputValue()).toBe('GOMAXPROCS');
      await runner.open(4, 4);
      expect(await runner.answerText.inputValue()).toContain('Close the channel');

      await candidate.submit();
      expect(signalPosts.length).toBeGreaterThanOrEqual(2);
      expect(signalPosts[0]!.length).toBeGreaterThan(0);
      expect(signalPosts.slice(1).flat()).toEqual(expect.arrayContaining(signalPosts[0]!));
      // Policy "correctness": the score and each item's outcome, never the keys or explanations.
      expect(await candidate.submitted.getAttribute('data-policy')).toBe('correctness');
      await page.getByTestId('candidate-score').waitFor();
      expect(await candidate.reviewItems.count()).toBe(4);
      expect(await page.getByTestId('candidate-full-review').count()).toBe(0);
      expect(await page.getByText('Explanation').count()).toBe(0);
      await screenshot(page, 'candidate-submitted');

      // The link is used up now: opening it again shows the result page, not a new attempt.
      await candidate.open(links.get(ada)!);
      await candidate.submitted.waitFor();
      expect(await candidate.start.count()).toBe(0);
    });
  });

  it('should let a second candidate take it', async () => {
    await asCandidate(links.get(eve)!, (candidate) => candidate.submitFirstOptions(2));
  });

  it('should show after submission only what the review policy allows: nothing, or the full review', async () => {
    const [question] = await api.bankQuestions('single', 1);
    for (const policy of ['none', 'full'] as const) {
      const policySet = await api.publishedSet(orgId, { title: `Policy ${policy}`, instructions: 'One question.', timeLimitSeconds: 600, reviewPolicy: policy, questionIds: [question!] });
      const [invite] = await api.invite(orgId, policySet, [{ name: 'Fay', email: uniqueEmail(`fay-${policy}`) }], new Date(Date.now() + 3600_000));
      await asCandidate(invite!.link, async (candidate) => {
        const page = candidate.page;
        await candidate.submitFirstOptions(1);
        expect(await candidate.submitted.getAttribute('data-policy')).toBe(policy);
        if (policy === 'none') {
          await page.getByTestId('candidate-no-review').waitFor();
          expect(await page.getByTestId('candidate-score').count()).toBe(0);
          expect(await candidate.reviewItems.count()).toBe(0);
        } else {
          await page.getByTestId('candidate-full-review').waitFor();
          await page.getByTestId('candidate-score').waitFor();
          expect(await candidate.reviewItems.count()).toBe(1);
          await page.getByText('Explanation').waitFor();
        }
        await screenshot(page, `candidate-submitted-${policy}`);
      });
    }
  });

  it('should show a clear page for a revoked and for an expired link', async () => {
    const invites = new InvitesPage(manager);
    await invites.goto(orgId, setId);
    await invites.revoke(bob);

    const [soon] = await api.invite(orgId, setId, [{ name: 'Cy', email: uniqueEmail('cy') }], new Date(Date.now() + 2500));
    await asCandidate(links.get(bob)!, async (candidate) => {
      const page = candidate.page;
      expect(await candidate.closedReason()).toBe('revoked');
      await page.getByRole('heading', { name: 'This invitation was withdrawn' }).waitFor();
      await screenshot(page, 'candidate-revoked');

      await page.waitForTimeout(3000);
      // Same tab, another link: only the fragment changes, and the page follows it.
      await candidate.open(soon!.link);
      expect(await candidate.closedReason()).toBe('expired');
      await page.getByRole('heading', { name: 'This link has expired' }).waitFor();
    });
  });

  it('should show the manager the result in the table and the full report with labelled signals', async () => {
    const results = new ResultsPage(manager);
    await results.goto(orgId, setId);
    await results.row(ada).waitFor();
    expect(await results.row(ada).getAttribute('data-status')).toBe('submitted');
    expect(await results.row(bob).getAttribute('data-status')).toBe('revoked');
    expect(await results.row(ada).getByTestId('result-score').textContent()).toMatch(/%/);
    await screenshot(manager, 'candidate-results');

    await results.openReport(ada);
    expect(await results.reportItems.count()).toBe(4);
    expect(await results.signals.textContent()).toContain('signals, not proof');
    expect(await manager.getByTestId('signal-pastes').textContent()).toMatch(/^1 /);
    expect(await results.reportItems.nth(2).getByTestId('item-answer').textContent()).toBe('GOMAXPROCS');
    await screenshot(manager, 'candidate-report');

    // The essay waits for a person: grade it against the rubric and the total follows.
    const before = await manager.getByTestId('report-score').textContent();
    const essay = manager.locator('[data-testid="report-item"][data-type="essay"]');
    expect(await essay.getAttribute('data-status')).toBe('pending');
    await essay.getByTestId('grade-score').fill('1');
    await essay.getByTestId('grade-comment').fill('Names the sender closing the channel.');
    await essay.getByTestId('grade-save').click();
    await manager.locator('[data-testid="report-item"][data-type="essay"][data-status="correct"]').waitFor();
    expect(await manager.getByTestId('report-score').textContent()).not.toBe(before);
  });

  it('should download the results as CSV, compare two candidates and show item statistics', async () => {
    const results = new ResultsPage(manager);
    await results.goto(orgId, setId);
    const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByTestId('download-csv').click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    });
    // Named by the set and the day, not by an id.
    expect(download.suggestedFilename()).toMatch(/^backend-screen-results-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toContain(ada);
    expect(csv).toContain(eve);

    await results.row(ada).getByTestId('compare-check').check();
    await results.row(eve).getByTestId('compare-check').check();
    await manager.getByTestId('compare-link').click();
    await manager.getByTestId('compare-table').waitFor();
    expect(await manager.getByTestId('compare-score').count()).toBe(2);
    await screenshot(manager, 'candidate-compare');

    await manager.goto(`/hiring/orgs/${orgId}/sets/${setId}/statistics`);
    await manager.getByTestId('item-stats').waitFor();
    expect(await manager.getByTestId('item-stat-row').count()).toBe(4);
    expect(await manager.getByTestId('statistics').textContent()).toContain('Discrimination index');
    // Two candidates judge nothing: every row says so, none carries the red "needs checking".
    const verdicts = await manager.getByTestId('item-verdict').allTextContents();
    expect(verdicts).toHaveLength(4);
    for (const verdict of verdicts) expect(verdict).toMatch(/^Not enough attempts to judge \(\d of 10\)$/);
    expect(await manager.getByTestId('item-stats').textContent()).not.toContain('Needs checking');
    await screenshot(manager, 'candidate-statistics');
  });

  it('should give a candidate extra time from the invites list', async () => {
    const invites = new InvitesPage(manager);
    await invites.goto(orgId, setId);
    await invites.row(eve).getByTestId('invite-override').click();
    await invites.row(eve).getByTestId('override-minutes').fill('15');
    await invites.row(eve).getByTestId('override-attempts').fill('1');
    await invites.row(eve).getByTestId('override-save').click();
    await invites.row(eve).getByText('+15 minutes').waitFor();
    expect(await invites.row(eve).textContent()).toContain('1/2 attempts');
  });

  it('should fit the candidate and manager pages at 375 px, in English and Chinese', async () => {
    const [dee] = await api.invite(orgId, setId, [{ name: 'Dee', email: uniqueEmail('dee') }], new Date(Date.now() + 3600_000));
    await asCandidate(dee!.link, async (candidate) => {
      const page = candidate.page;
      await candidate.intro.waitFor();
      for (const lang of ['en', 'zh-CN'] as const) {
        await setLanguage(page, lang);
        await candidate.intro.waitFor();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `candidate-intro-375-${lang}`);
      }
      await candidate.start.click();
      await candidate.runner.root.waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'candidate-runner-375-zh-CN');
    }, { viewport: { width: 375, height: 800 } });

    await manager.setViewportSize({ width: 375, height: 800 });
    const pages = [
      ['invites', `/hiring/orgs/${orgId}/sets/${setId}/invites`, 'invite-list'],
      ['results', `/hiring/orgs/${orgId}/sets/${setId}/results`, 'results-table'],
      ['statistics', `/hiring/orgs/${orgId}/sets/${setId}/statistics`, 'item-stats'],
    ] as const;
    for (const lang of ['zh-CN', 'en'] as const) {
      await setLanguage(manager, lang);
      for (const [name, path, testId] of pages) {
        await manager.goto(path);
        // The machine is shared with other suites: allow a slow first load of each page.
        await manager.getByTestId(testId).waitFor({ timeout: 30_000 });
        await screenshot(manager, `candidate-manager-${name}-375-${lang}`);
        expect(await horizontalOverflow(manager)).toBeLessThanOrEqual(0);
      }
    }
    await manager.setViewportSize({ width: 1280, height: 800 });
    await manager.goto(`/hiring/orgs/${orgId}/sets/${setId}/statistics`);
    await manager.getByTestId('item-stats').waitFor();
    await screenshot(manager, 'candidate-manager-statistics');
  }, 120_000);
});
