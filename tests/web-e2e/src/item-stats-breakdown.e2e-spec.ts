import { readFileSync } from 'node:fs';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { HiringApi } from './pages/hiring-api';
import { RegisterPage } from './pages/register-page';
import { elementScreenshot, uniqueEmail } from './support/artifacts';
import { baseUrl, launchBrowser, type Browser } from './support/chromium';

/*
 * Issue 19, item statistics for matching and ordering: three candidates take a set of one single
 * choice, one matching and one ordering question through the API; the manager's statistics page
 * shows, per pair, how many matched it as the key does and, per position, how many had its item in
 * order and exactly in place, in English and in Chinese, at 1366 and 375 px.
 */

type Key =
  | { type: 'single'; correct: string }
  | { type: 'matching'; pairs: Array<{ left: string; right: string }> }
  | { type: 'ordering'; order: string[] };
type Preview = { type: string; answerKey: Key };

/** axe-core's WCAG 2.0/2.1 A and AA rules and best practices on one part of the page: the violations' ids and targets. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) !== 'object') await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return (await page.evaluate(
    `window.axe.run(${JSON.stringify(selector)}, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
       .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
}

/** A candidate in an API-only context: session from the invite token, start, answers, submit. */
async function takeSet(link: string, answer: (key: Key) => Record<string, unknown>, keys: Map<string, Key>): Promise<void> {
  const ctx: APIRequestContext = await request.newContext({ baseURL: baseUrl() });
  try {
    const csrf = async (): Promise<string> => ((await (await ctx.get('/api/auth/csrf')).json()) as { token: string }).token;
    const post = async (path: string, data?: unknown): Promise<unknown> => {
      const res = await ctx.post(path, { headers: { 'X-CSRF-Token': await csrf() }, ...(data ? { data } : {}) });
      if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    await post('/api/candidate/session', { token: new URL(link).hash.slice(1) });
    const attempt = (await post('/api/candidate/start')) as { items: Array<{ position: number; questionId: string }> };
    for (const item of attempt.items) {
      const key = keys.get(item.questionId);
      if (!key) throw new Error(`no key for ${item.questionId}`);
      const res = await ctx.put(`/api/candidate/attempt/items/${item.position}/answer`, {
        headers: { 'X-CSRF-Token': await csrf() },
        data: { response: answer(key), timeSpentMs: 1000 },
      });
      if (!res.ok()) throw new Error(`answer ${item.position}: ${res.status()} ${await res.text()}`);
    }
    await post('/api/candidate/attempt/submit');
  } finally {
    await ctx.dispose();
  }
}

const right = (key: Key): Record<string, unknown> =>
  key.type === 'single' ? { choice: key.correct } : key.type === 'matching' ? { pairs: Object.fromEntries(key.pairs.map((p) => [p.left, p.right])) } : { order: key.order };

/** The first pair matched, the rest left wrong; the first two items swapped. */
const partly = (key: Key): Record<string, unknown> => {
  if (key.type === 'single') return { choice: 'no-such-option' };
  if (key.type === 'matching') return { pairs: Object.fromEntries(key.pairs.map((p, i) => [p.left, i === 0 ? p.right : 'no-such-choice'])) };
  const [a, b, ...rest] = key.order;
  return { order: [b, a, ...rest] };
};

/** Nothing matched; the order reversed. */
const wrong = (key: Key): Record<string, unknown> =>
  key.type === 'single' ? { choice: 'no-such-option' } : key.type === 'matching' ? { pairs: Object.fromEntries(key.pairs.map((p) => [p.left, 'no-such-choice'])) } : { order: [...key.order].reverse() };

describe('item statistics: the breakdown of matching and ordering questions', () => {
  let browser: Browser;
  let zhBrowser: Browser | undefined;
  let page: Page;
  let url: string;
  const keys = new Map<string, Key>();

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    page = await browser.context.newPage();
    const register = new RegisterPage(page);
    await register.goto();
    await register.register({ displayName: 'Stats Manager', email: uniqueEmail('breakdown'), password: 'counting pairs in earnest' });
    await page.waitForURL((u) => u.pathname === '/');
    const api = new HiringApi(page);
    const orgId = await api.createOrg('Breakdown Inc');
    const questionIds = [...(await api.bankQuestions('single', 1)), ...(await api.bankQuestions('matching', 1)), ...(await api.bankQuestions('ordering', 1))];
    for (const id of questionIds) keys.set(id, (await api.get<Preview>(`/api/questions/${encodeURIComponent(id)}/preview`)).answerKey);
    const setId = await api.publishedSet(orgId, { title: 'Pairs and orders', instructions: 'Answer all.', timeLimitSeconds: 1800, reviewPolicy: 'none', questionIds });
    const invites = await api.invite(
      orgId,
      setId,
      ['a', 'b', 'c'].map((n) => ({ name: `Candidate ${n}`, email: uniqueEmail(n) })),
      new Date(Date.now() + 3600_000),
    );
    await takeSet(invites[0]!.link, right, keys);
    await takeSet(invites[1]!.link, partly, keys);
    await takeSet(invites[2]!.link, wrong, keys);
    url = `/hiring/orgs/${orgId}/sets/${setId}/statistics`;
  });

  afterAll(async () => {
    await zhBrowser?.close();
    await browser?.close();
  });

  const matchingKey = (): Extract<Key, { type: 'matching' }> => [...keys.values()].find((k): k is Extract<Key, { type: 'matching' }> => k.type === 'matching')!;
  const orderingKey = (): Extract<Key, { type: 'ordering' }> => [...keys.values()].find((k): k is Extract<Key, { type: 'ordering' }> => k.type === 'ordering')!;

  it('should show per pair and per position how often candidates got it right', async () => {
    await page.goto(url);
    const section = page.getByTestId('item-breakdowns');
    await section.waitFor();
    const matching = section.locator('[data-testid="item-breakdown"][data-type="matching"]');
    const pairs = matching.getByTestId('breakdown-row');
    expect(await pairs.count()).toBe(matchingKey().pairs.length);
    // The first pair: the full and the partial answer matched it; every other pair only the full one.
    expect(await pairs.nth(0).textContent()).toContain('67% (2 of 3)');
    for (let i = 1; i < matchingKey().pairs.length; i++) expect(await pairs.nth(i).textContent()).toContain('33% (1 of 3)');

    const ordering = section.locator('[data-testid="item-breakdown"][data-type="ordering"]');
    const positions = ordering.getByTestId('breakdown-row');
    expect(await positions.count()).toBe(orderingKey().order.length);
    const cells = async (row: number): Promise<string[]> => positions.nth(row).locator('td').allTextContents();
    // Position 1: the swapped answer put the second item first, so only the full answer has it in order and in place.
    expect((await cells(0)).slice(1)).toEqual(['33% (1 of 3)', '33% (1 of 3)']);
    // Position 2: in order for the full and the swapped answer (second before the rest); in place for the full one,
    // and for the reversed one too when there are three items (the middle one stays put).
    const middle = orderingKey().order.length === 3 ? '67% (2 of 3)' : '33% (1 of 3)';
    expect((await cells(1)).slice(1)).toEqual(['67% (2 of 3)', middle]);

    const single = section.locator('[data-testid="item-breakdown"][data-type="single"]');
    expect(await single.locator('[data-testid="breakdown-row"][data-correct="true"]').textContent()).toContain('33% (1 of 3)');
    await elementScreenshot(section, 'item-stats-breakdown-1366');
    expect(await axeViolations(page, '[data-testid="item-breakdowns"]')).toEqual([]);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(url);
    await section.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await elementScreenshot(section, 'item-stats-breakdown-375');
  });

  it('should read in Chinese', async () => {
    zhBrowser = await launchBrowser({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    await zhBrowser.context.addCookies(await browser.context.cookies());
    const zh = await zhBrowser.context.newPage();
    await zh.goto(url);
    const section = zh.getByTestId('item-breakdowns');
    await section.waitFor();
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('按选项、配对和位置统计的作答');
    const first = section.locator('[data-testid="item-breakdown"][data-type="matching"]').getByTestId('breakdown-row').first();
    expect(await first.textContent()).toContain('67%（3 人中 2 人）');
    expect(await section.locator('[data-testid="item-breakdown"][data-type="ordering"] th').allTextContents()).toEqual(expect.arrayContaining(['顺序正确', '位置完全正确']));
    await elementScreenshot(section, 'item-stats-breakdown-zh');
  });
});
