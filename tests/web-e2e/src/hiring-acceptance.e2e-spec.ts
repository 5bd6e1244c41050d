import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CandidatePage } from './pages/candidate-page';
import { HiringApi } from './pages/hiring-api';
import { InvitesPage } from './pages/invites-page';
import { RegisterPage } from './pages/register-page';
import { ResultsPage } from './pages/results-page';
import { SetBuilderPage } from './pages/set-builder-page';
import { ARTIFACTS_DIR, screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/**
 * Issue 7, "Done when", end to end in the built app: a manager builds a senior backend set from the
 * role template plus a random pool, publishes it, invites three candidates in bulk, each takes it
 * from their link in a browser of their own, and the manager sees the ranked results, a full report
 * and the item statistics of the version.
 */

const TITLE = 'Senior backend hiring loop';
const POOL = '2 questions from Goroutine leaks';

type Strength = 'strong' | 'medium' | 'weak';
type Preview = { type: string; options?: { id: string; correct: boolean }[]; answerKey: Record<string, unknown> };
type Delivery = { items: { position: number; questionId: string; type: string; options?: { id: string }[] }[] };

/** How many items each candidate answers, and how many of those correctly. */
const PLAN: Record<Strength, { answer: number; right: number }> = {
  strong: { answer: 7, right: 7 },
  medium: { answer: 6, right: 3 },
  weak: { answer: 5, right: 0 },
};

/** Full-page screenshots draw the sticky header where the page was scrolled to; start from the top. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('hiring, end to end: build, publish, invite, take, rank, report, statistics', () => {
  let managerBrowser: Browser;
  let manager: Page;
  let api: HiringApi;
  let builder: SetBuilderPage;
  let orgId: string;
  let setId: string;
  const people: Record<Strength, { name: string; email: string; link: string }> = {
    strong: { name: 'Grace Strong', email: uniqueEmail('strong'), link: '' },
    medium: { name: 'Mel Medium', email: uniqueEmail('medium'), link: '' },
    weak: { name: 'Walt Weak', email: uniqueEmail('weak'), link: '' },
  };
  const keys = new Map<string, Preview>();
  const firstAnswered: Partial<Record<Strength, number>> = {};

  /** The answer sheet a manager can read in the builder's preview (managers only). */
  async function keyOf(questionId: string): Promise<Preview> {
    const known = keys.get(questionId);
    if (known) return known;
    const preview = await api.get<Preview>(`/api/questions/${encodeURIComponent(questionId)}/preview`);
    keys.set(questionId, preview);
    return preview;
  }

  beforeAll(async () => {
    managerBrowser = await launchBrowser();
    manager = await managerBrowser.context.newPage();
    const register = new RegisterPage(manager);
    await register.goto();
    await register.register({
      displayName: 'Hiro Manager',
      email: uniqueEmail('acceptance'),
      password: 'hiring gophers in earnest',
    });
    await manager.waitForURL((url) => url.pathname === '/');
    await manager.goto('/account');
    await manager.getByLabel('New organization name').fill('Gopher Acceptance');
    await manager.getByRole('button', { name: 'Create organization' }).click();
    await manager.getByTestId('org-list').getByText('Gopher Acceptance').waitFor();
    api = new HiringApi(manager);
    builder = new SetBuilderPage(manager);
  });

  afterAll(async () => {
    await managerBrowser?.close();
  });

  it('should build the set from the senior backend template plus a random pool and publish it', async () => {
    await builder.openFromHiring();
    await builder.create(TITLE, /^Backend engineer, senior/);
    const match = /\/hiring\/orgs\/([^/]+)\/sets\/([^/?#]+)/.exec(new URL(manager.url()).pathname);
    orgId = match?.[1] ?? '';
    setId = match?.[2] ?? '';
    expect(orgId).not.toBe('');
    expect(await builder.items.count()).toBe(9);
    expect(await builder.summary.getByTestId('summary-questions').textContent()).toBe('16');

    await builder.showPoolForm();
    await builder.addPool({ topic: 'goroutine-leaks', count: 2, min: 2, max: 4, excludeTags: '' });
    expect((await builder.itemNames()).at(-1)).toBe(POOL);
    await builder.waitSaved();
    expect(await builder.summary.getByTestId('summary-questions').textContent()).toBe('18');
    await builder.setting('instructions').fill('Work alone. Answer what you can; you may skip questions.');
    await builder.waitSaved();
    await shot(manager, 'acceptance-1-builder');

    await builder.publish();
    await manager.getByText('Version 1 is published.').waitFor();
    expect(await builder.version(1).getAttribute('data-state')).toBe('published');
    await shot(manager, 'acceptance-2-published');
  });

  it('should invite three candidates in bulk and show their links to copy', async () => {
    await manager.getByTestId('set-tabs').getByRole('link', { name: 'Invites' }).click();
    const invites = new InvitesPage(manager);
    await invites.form.waitFor();
    const { strong, medium, weak } = people;
    await invites.people.fill([strong, medium, weak].map((p) => `${p.name}, ${p.email}`).join('\n'));
    expect(await invites.lineErrors.count()).toBe(0);
    await invites.submit.click();
    await invites.created.waitFor();
    // Copy each link with its Copy button, as the manager would before pasting it into a message.
    await manager.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    for (const person of Object.values(people)) {
      const row = invites.created.locator(`[data-testid="created-link"][data-email="${person.email}"]`);
      await row.getByRole('button', { name: /^Copy: / }).click();
      await row.getByRole('button', { name: /^Copied: / }).waitFor();
      person.link = await manager.evaluate(() => navigator.clipboard.readText());
      expect(person.link).toBe(await invites.linkFor(person.email));
      expect(person.link).toMatch(/\/take#[A-Za-z0-9_-]{20,}$/);
      await invites.row(person.email).waitFor();
      expect(await invites.statusOf(person.email)).toBe('invited');
    }
    expect(new Set(Object.values(people).map((p) => p.link)).size).toBe(3);
    await shot(manager, 'acceptance-3-invites');
  });

  async function take(strength: Strength, viewport?: { width: number; height: number }): Promise<void> {
    const person = people[strength];
    const plan = PLAN[strength];
    const browser = await launchBrowser(viewport ? { viewport } : {});
    try {
      const page = await browser.context.newPage();
      if (viewport) await page.addInitScript(() => localStorage.setItem('goprep.lang', 'zh-CN'));
      const candidate = new CandidatePage(page);
      await candidate.open(person.link);
      await candidate.intro.waitFor();
      expect(await candidate.intro.textContent()).toContain('Work alone.');
      await screenshot(page, `acceptance-4-intro-${strength}${viewport ? '-375-zh-CN' : ''}`);
      if (viewport) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await candidate.start.click();
      const runner = candidate.runner;
      await runner.root.waitFor();

      // Which question sits at which position (the candidate's own delivery: no keys in it).
      const res = await page.request.get('/api/candidate/attempt');
      expect(res.ok()).toBe(true);
      const delivery = (await res.json()) as Delivery;
      expect(delivery.items).toHaveLength(18);

      let answered = 0;
      let right = 0;
      for (const [index, item] of delivery.items.entries()) {
        if (answered >= plan.answer) break;
        if (!['single', 'multi', 'true-false', 'short', 'numeric', 'code-output'].includes(item.type)) continue;
        const key = await keyOf(item.questionId);
        const correct = right < plan.right;
        await runner.open(index + 1, item.position);
        // The first question is read for a while, so the report has a time on it to show.
        if (answered === 0) await page.waitForTimeout(2200);
        const done = await answer(page, key, correct);
        if (!done) continue;
        answered += 1;
        if (correct) right += 1;
        if (answered === 1) {
          firstAnswered[strength] = item.position;
          await runner.waitForSaved();
          await screenshot(page, `acceptance-5-runner-${strength}${viewport ? '-375-zh-CN' : ''}`);
          if (viewport) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        }
      }
      expect(answered).toBe(plan.answer);
      await runner.waitForSaved();
      await candidate.submit();
      await screenshot(page, `acceptance-6-submitted-${strength}${viewport ? '-375-zh-CN' : ''}`);
      if (viewport) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await browser.close();
    }
  }

  /** Answers the item on screen through the UI, right or wrong on purpose; false when it cannot be answered wrongly. */
  async function answer(page: Page, key: Preview, correct: boolean): Promise<boolean> {
    const question = page.getByTestId('quiz-question');
    const clickOption = async (id: string) =>
      question.locator('label.quiz-option', { has: page.locator(`input[value="${id}"]`) }).click();
    switch (key.type) {
      case 'single': {
        const pick = (key.options ?? []).find((o) => o.correct === correct);
        if (!pick) return false;
        await clickOption(pick.id);
        return true;
      }
      case 'multi': {
        const options = key.options ?? [];
        const picks = correct ? options.filter((o) => o.correct) : options.filter((o) => !o.correct).slice(0, 1);
        if (picks.length === 0) return false;
        for (const o of picks) await clickOption(o.id);
        return true;
      }
      case 'true-false': {
        const truth = key.answerKey['answer'] === true;
        // option-1 is True, option-2 is False.
        await question.getByTestId(truth === correct ? 'option-1' : 'option-2').click();
        return true;
      }
      case 'short': {
        const accepted = (key.answerKey['accepted'] as string[] | undefined) ?? [];
        if (correct && accepted.length === 0) return false;
        await question.getByTestId('answer-text').pressSequentially(correct ? accepted[0]! : 'no idea', { delay: 5 });
        return true;
      }
      case 'numeric': {
        const value = Number(key.answerKey['answer']);
        const tolerance = Number(key.answerKey['tolerance'] ?? 0);
        await question.getByTestId('answer-number').fill(String(correct ? value : value + tolerance + 1000));
        return true;
      }
      case 'code-output': {
        const outputs = (key.answerKey['outputs'] as string[] | undefined) ?? [];
        if (correct && outputs.length === 0) return false;
        const text = correct ? outputs[0]!.replace(/\n$/, '') : 'it deadlocks';
        if (text === '') return false;
        await question.getByTestId('answer-text').fill(text);
        return true;
      }
      default:
        return false;
    }
  }

  it('should let the strong candidate take it from the link', async () => {
    await take('strong');
  });

  it('should let the medium candidate take it, at 375 px in Chinese', async () => {
    await take('medium', { width: 375, height: 800 });
  });

  it('should let the weak candidate take it', async () => {
    await take('weak');
  });

  it('should show on the invites list that all three have submitted', async () => {
    await manager.reload();
    const invites = new InvitesPage(manager);
    for (const person of Object.values(people)) {
      await manager
        .locator(`[data-testid="invite-row"][data-email="${person.email}"][data-status="submitted"]`)
        .waitFor();
      expect(await invites.row(person.email).textContent()).toContain('1/1 attempts');
    }
  });

  it('should rank the candidates by score, strongest first', async () => {
    await manager.getByTestId('set-tabs').getByRole('link', { name: 'Results' }).click();
    const results = new ResultsPage(manager);
    await results.table.waitFor();
    for (const person of Object.values(people)) await results.row(person.email).waitFor();
    const rows = await manager
      .getByTestId('result-row')
      .evaluateAll((els) =>
        els.map((el) => ({
          email: el.getAttribute('data-email'),
          status: el.getAttribute('data-status'),
          rank: el.children[1]?.textContent ?? '',
          score: el.querySelector('[data-testid="result-score"]')?.textContent ?? '',
        })),
      );
    expect(rows.map((r) => r.email)).toEqual([people.strong.email, people.medium.email, people.weak.email]);
    expect(rows.map((r) => r.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(rows.map((r) => r.rank)).toEqual(['1', '2', '3']);
    const percents = rows.map((r) => Number(/^(\d+)%/.exec(r.score)?.[1]));
    expect(percents[0]).toBeGreaterThan(percents[1]!);
    expect(percents[1]).toBeGreaterThan(percents[2]!);
    expect(percents[2]).toBe(0);
    await shot(manager, 'acceptance-7-results');
  });

  it("should open a candidate's full report with every item", async () => {
    const results = new ResultsPage(manager);
    await results.openReport(people.medium.email);
    expect(await manager.getByTestId('report-name').textContent()).toContain(people.medium.name);
    expect(await results.reportItems.count()).toBe(18);
    const statuses = await results.reportItems.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'correct')).toHaveLength(PLAN.medium.right);
    expect(statuses.filter((s) => s === 'incorrect')).toHaveLength(PLAN.medium.answer - PLAN.medium.right);
    expect(await manager.getByTestId('report-score').textContent()).toContain('3 / 18');
    // Time per item: the one the candidate lingered on shows at least two seconds.
    const lingered = manager.locator(`[data-testid="report-item"][data-position="${firstAnswered.medium}"]`);
    expect(await lingered.getByTestId('item-time').textContent()).toMatch(/0:0[2-9]/);
    await shot(manager, 'acceptance-8-report');
  });

  it('should show the item statistics of version 1', async () => {
    await manager.getByTestId('set-tabs').getByRole('link', { name: 'Item statistics' }).click();
    await manager.getByTestId('item-stats').waitFor();
    expect(new URL(manager.url()).pathname).toBe(`/hiring/orgs/${orgId}/sets/${setId}/statistics`);
    expect(await manager.getByTestId('item-stat-row').count()).toBeGreaterThan(0);
    await manager.getByRole('heading', { name: 'Whole set (version 1)' }).waitFor();
    // Every submitted attempt counts, and the mean is the mean of the three totals (7, 3 and 0 of 18).
    expect(await manager.getByTestId('set-stats').locator('dd').first().textContent()).toBe('3');
    expect(await manager.getByTestId('set-stats').locator('dd').nth(1).textContent()).toMatch(/^18\.5/);
    const text = (await manager.getByTestId('statistics').textContent()) ?? '';
    expect(text).toContain('Discrimination index');
    expect(text).toContain('Facility');
    await shot(manager, 'acceptance-9-statistics');
  });

  it('should fit the results and the report on a phone, in Chinese', async () => {
    await manager.setViewportSize({ width: 375, height: 800 });
    await manager.evaluate(() => localStorage.setItem('goprep.lang', 'zh-CN'));
    try {
      const results = new ResultsPage(manager);
      await results.goto(orgId, setId);
      await results.row(people.strong.email).waitFor();
      expect(await horizontalOverflow(manager)).toBeLessThanOrEqual(0);
      await shot(manager, 'acceptance-10-results-375-zh-CN');
      await results.openReport(people.strong.email);
      expect(await results.reportItems.count()).toBe(18);
      expect(await horizontalOverflow(manager)).toBeLessThanOrEqual(0);
      await shot(manager, 'acceptance-11-report-375-zh-CN');
      // The full page is very tall on a phone; keep the first screen readable too.
      await manager.screenshot({ path: join(ARTIFACTS_DIR, 'acceptance-11-report-375-zh-CN-top.png') });
    } finally {
      await manager.evaluate(() => localStorage.setItem('goprep.lang', 'en'));
      await manager.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('should load the results 100 rows at a time and show the rest on demand', async () => {
    const more = Array.from({ length: 102 }, (_, i) => ({ name: `Bulk ${i + 1}`, email: uniqueEmail(`bulk${i + 1}`) }));
    await api.invite(orgId, setId, more, new Date(Date.now() + 7 * 86_400_000));
    const results = new ResultsPage(manager);
    await results.goto(orgId, setId);
    await results.table.waitFor();
    // Ranked first, the three who submitted are on the first page; 105 rows, 100 of them loaded.
    expect(await manager.getByTestId('result-row').count()).toBe(100);
    expect(await results.shown.textContent()).toBe('100 of 105 shown');
    expect(await manager.getByRole('heading', { name: '105 candidates' }).count()).toBe(1);
    await results.row(people.strong.email).waitFor();
    await results.more.scrollIntoViewIfNeeded();
    await manager.screenshot({ path: join(ARTIFACTS_DIR, 'acceptance-12-results-more.png') });
    await manager.setViewportSize({ width: 375, height: 800 });
    await manager.evaluate(() => localStorage.setItem('goprep.lang', 'zh-CN'));
    try {
      await results.goto(orgId, setId);
      await results.more.scrollIntoViewIfNeeded();
      expect(await results.shown.textContent()).toBe('已显示 100 / 105 名');
      expect(await horizontalOverflow(manager)).toBeLessThanOrEqual(0);
      await manager.screenshot({ path: join(ARTIFACTS_DIR, 'acceptance-13-results-more-375-zh-CN.png') });
    } finally {
      await manager.evaluate(() => localStorage.setItem('goprep.lang', 'en'));
      await manager.setViewportSize({ width: 1280, height: 800 });
    }
    await results.goto(orgId, setId);
    await results.more.waitFor();
    await manager.getByRole('button', { name: 'Show 5 more' }).click();
    await manager.locator('[data-testid="result-row"]').nth(104).waitFor();
    expect(await manager.getByTestId('result-row').count()).toBe(105);
    expect(await results.more.count()).toBe(0);
    // A filter asks again from the first page: only the three who submitted match.
    await manager.getByTestId('filter-submitted').click();
    await manager.locator('[data-testid="result-row"]').nth(2).waitFor();
    await manager.waitForFunction(() => document.querySelectorAll('[data-testid="result-row"]').length === 3);
    expect(await results.more.count()).toBe(0);
  });
});
