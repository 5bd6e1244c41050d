import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { RegisterPage } from './pages/register-page';
import { SetBuilderPage } from './pages/set-builder-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const TITLE = 'Senior backend screen';
const POOL = '2 questions from Goroutine leaks';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('a manager builds a question set', () => {
  let browser: Browser;
  let page: Page;
  let builder: SetBuilderPage;
  let fixedTitle: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Ada', email: uniqueEmail('sets'), password: 'goroutines all the way down' });
    await page.goto('/account');
    await page.getByLabel('New organization name').fill('Gopher Screening');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByTestId('org-list').getByText('Gopher Screening').waitFor();
    builder = new SetBuilderPage(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should start a set from the senior backend template', async () => {
    await builder.openFromHiring();
    await page.getByText('No question sets yet.').waitFor();
    await builder.create(TITLE, /^Backend engineer, senior/);
    // The senior backend level is 9 pools (16 questions, one of them a code task to write; 60 minutes).
    expect(await builder.items.count()).toBe(9);
    expect(await builder.items.evaluateAll((els) => els.every((el) => el.getAttribute('data-kind') === 'pool'))).toBe(true);
    expect(await builder.setting('timeLimitMinutes').inputValue()).toBe('60');
    expect(await builder.summary.getByTestId('summary-questions').textContent()).toBe('16');
    expect(await page.locator('main h1').textContent()).toBe(TITLE);
  });

  it('should search the bank, preview a question with its key, and add it as a fixed item', async () => {
    await builder.bank.locator('[name="bank-topic"]').selectOption('memory-model');
    await builder.bank.locator('[name="bank-difficulty"]').selectOption('3');
    // Until the filtered page arrives the previous results stay on screen; wait for a matching row.
    const row = builder.bank.locator('[data-testid="bank-row"][data-topic="memory-model"][data-difficulty="3"]').first();
    await row.waitFor();
    fixedTitle = (await row.locator('.qs-item__title').textContent()) ?? '';
    expect(fixedTitle).not.toBe('');
    await row.getByRole('button', { name: `Preview “${fixedTitle}”` }).click();
    const preview = row.getByTestId('question-preview');
    await preview.getByRole('heading', { name: 'Explanation' }).waitFor();
    await preview.getByRole('heading', { name: fixedTitle }).waitFor();
    await screenshot(page, 'set-builder-preview');
    await row.getByRole('button', { name: `Add “${fixedTitle}”` }).click();
    await row.getByRole('button', { name: `Added: “${fixedTitle}” is in the set` }).waitFor();
    expect((await builder.itemNames()).at(-1)).toBe(fixedTitle);
    await builder.waitSaved();
  });

  it('should add a random pool', async () => {
    await builder.showPoolForm();
    await builder.addPool({ topic: 'goroutine-leaks', count: 2, min: 2, max: 4, excludeTags: 'basic' });
    expect((await builder.itemNames()).at(-1)).toBe(POOL);
    await builder.waitSaved();
    expect(await builder.summary.getByTestId('summary-questions').textContent()).toBe('19');
    // The server counted what the pool can draw from once the draft was saved.
    await builder.item(POOL).getByText(/difficulty 2–4 · any auto-graded type · not tagged basic · \d+ questions? match/).waitFor();
    // The pool's filters open on demand and edit in place.
    await builder.item(POOL).getByRole('button', { name: `Edit the filters of ${POOL}` }).click();
    expect(await builder.item(POOL).locator('input[name$=".excludeTags"]').inputValue()).toBe('basic');
  });

  it('should reorder by keyboard and announce each move', async () => {
    const before = await builder.itemNames();
    await builder.handle(POOL).focus();
    await page.keyboard.press('Space');
    await builder.announcement.filter({ hasText: `Picked up ${POOL}, position 11 of 11.` }).waitFor();
    await page.keyboard.press('ArrowUp');
    await builder.announcement.filter({ hasText: `${POOL} moved to position 10 of 11.` }).waitFor();
    // Focus stays on the moved item, so the next arrow keeps moving it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await builder.announcement.filter({ hasText: `${POOL} dropped at position 9 of 11.` }).waitFor();
    const after = await builder.itemNames();
    expect(after).toEqual([...before.slice(0, 8), POOL, before[8], fixedTitle]);

    // Alt+Arrow moves the focused item without picking it up first.
    await builder.handle(fixedTitle).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await builder.announcement.filter({ hasText: `${fixedTitle} moved to position 10 of 11.` }).waitFor();
    expect((await builder.itemNames()).slice(8)).toEqual([POOL, fixedTitle, before[8]]);

    // Escape puts a picked-up item back where it was.
    await builder.handle(fixedTitle).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Escape');
    await builder.announcement.filter({ hasText: 'Reorder cancelled' }).waitFor();
    expect((await builder.itemNames()).slice(8)).toEqual([POOL, fixedTitle, before[8]]);

    // And with the mouse: drag an item's handle onto the next item, and back (two items whose names
    // are unique: the template has two one-question context pools).
    const names = await builder.itemNames();
    const at = names.findIndex((n, i) => i + 1 < names.length && names.indexOf(n) === names.lastIndexOf(n) && names.indexOf(names[i + 1]!) === names.lastIndexOf(names[i + 1]!));
    const [first, second] = [names[at] ?? '', names[at + 1] ?? ''];
    await builder.handle(first).dragTo(builder.item(second));
    expect((await builder.itemNames()).slice(at, at + 2)).toEqual([second, first]);
    await builder.handle(first).dragTo(builder.item(second));
    expect((await builder.itemNames()).slice(at, at + 2)).toEqual([first, second]);
    await builder.waitSaved();
  });

  it('should set points and the time limit, and warn when the expected time is over the limit', async () => {
    const points = builder.item(fixedTitle).getByTestId('item-points');
    await points.fill('3');
    await builder.setting('timeLimitMinutes').fill('5');
    await builder.summary.getByTestId('time-warning').filter({ hasText: 'over the time limit' }).waitFor();
    await builder.setting('timeLimitMinutes').fill('70');
    await builder.summary.getByTestId('time-warning').waitFor({ state: 'detached' });
    await builder.waitSaved();
    await screenshot(page, 'set-builder');
  });

  it('should keep edits when a save fails and save them on retry', async () => {
    let refused = 0;
    await page.route('**/api/orgs/*/sets/*/draft', async (route) => {
      refused += 1;
      await route.abort('connectionrefused');
    });
    await builder.setting('instructions').fill('Answer on your own; no AI assistants.');
    await page.locator('[data-testid="save-status"][data-status="failed"]').waitFor();
    expect(await builder.saveStatus.textContent()).toContain('your edits are kept');
    expect(await builder.setting('instructions').inputValue()).toBe('Answer on your own; no AI assistants.');
    expect(refused).toBeGreaterThan(0);
    await page.unroute('**/api/orgs/*/sets/*/draft');
    await builder.saveStatus.getByRole('button', { name: 'Retry now' }).click();
    await builder.waitSaved();
    await page.reload();
    await builder.items.first().waitFor();
    expect(await builder.setting('instructions').inputValue()).toBe('Answer on your own; no AI assistants.');
    expect(await builder.setting('timeLimitMinutes').inputValue()).toBe('70');
    expect(await builder.item(fixedTitle).getByTestId('item-points').inputValue()).toBe('3');
    expect((await builder.itemNames()).slice(8)).toEqual([POOL, fixedTitle, expect.any(String)]);
  });

  it('should offer the edits this browser kept when the page closed before they were saved', async () => {
    await page.route('**/api/orgs/*/sets/*/draft', (route) => route.abort('connectionrefused'));
    await builder.setting('title').fill(`${TITLE} (unsaved)`);
    await page.locator('[data-testid="save-status"][data-status="failed"]').waitFor();
    // Leaving with unsaved edits asks first; say yes.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.unroute('**/api/orgs/*/sets/*/draft');
    const offer = page.getByTestId('backup-offer');
    await offer.waitFor();
    expect(await builder.setting('title').inputValue()).toBe(TITLE);
    await offer.getByRole('button', { name: 'Restore them' }).click();
    expect(await builder.setting('title').inputValue()).toBe(`${TITLE} (unsaved)`);
    await builder.waitSaved();
    await builder.setting('title').fill(TITLE);
    await builder.waitSaved();
    await page.reload();
    await builder.items.first().waitFor();
    expect(await offer.count()).toBe(0);
    expect(await builder.setting('title').inputValue()).toBe(TITLE);
  });

  it('should warn about a pool that cannot be filled and refuse to publish it', async () => {
    const greedy = '50 questions from Kubernetes';
    await builder.showPoolForm();
    await builder.addPool({ topic: 'kubernetes', count: 50, min: 5, max: 5, excludeTags: '' });
    await builder.waitSaved();
    await builder.item(greedy).getByTestId('pool-shortfall').waitFor();
    await builder.summary.getByText('1 pool cannot be filled.').waitFor();
    await screenshot(page, 'set-builder-shortfall');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByTestId('publish-confirm').getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.getByTestId('publish-confirm').getByRole('button', { name: 'Cancel' }).click();
    expect(await builder.version(1).getAttribute('data-state')).toBe('draft');
    await builder.item(greedy).getByRole('button', { name: `Remove ${greedy}` }).click();
    await builder.waitSaved();
    await builder.summary.getByText('1 pool cannot be filled.').waitFor({ state: 'detached' });
  });

  it('should publish after confirmation and freeze version 1', async () => {
    await builder.publish();
    await page.getByText('Version 1 is published.').waitFor();
    expect(await builder.version(1).getAttribute('data-state')).toBe('published');
    await page.getByText('Version 1 · published').waitFor();
    // The audit trail names who published.
    await page.getByTestId('set-history').locator('li', { hasText: 'published v1' }).getByText('Ada').waitFor();
  });

  it('should start the draft of version 2 when the published set is edited', async () => {
    await builder.setting('timeLimitMinutes').fill('75');
    await builder.waitSaved();
    await page.getByText('Version 2 · draft').waitFor();
    expect(await builder.version(1).getAttribute('data-state')).toBe('published');
    expect(await builder.version(2).getAttribute('data-state')).toBe('draft');
    await screenshot(page, 'set-builder-v2');

    // Version 1 stays as it was published.
    await builder.version(1).getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByText('1 h 10 min').first().waitFor();
    await screenshot(page, 'set-version-1');
    await page.getByRole('link', { name: /Back to the set/ }).click();
    await builder.items.first().waitFor();
    expect(await builder.setting('timeLimitMinutes').inputValue()).toBe('75');
  });

  it('should list the set with its versions', async () => {
    await page.getByRole('link', { name: /Back to question sets/ }).click();
    const row = builder.listRow(TITLE);
    await row.getByText('v2 · draft').waitFor();
    await row.getByText('v1 is live').waitFor();
    await screenshot(page, 'set-list');
    await page.getByRole('link', { name: /Back to Hiring/ }).click();
    await page.getByTestId('question-sets-area').getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'hiring-question-sets');
    await builder.openFromHiring();
  });

  it('should export a set as JSON and GIFT and import the JSON as a new set', async () => {
    const row = builder.listRow(TITLE);
    const [json] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: `Export “${TITLE}” as JSON` }).click()]);
    const exported = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')) as { title: string; items: unknown[]; timeLimitSeconds: number };
    expect(exported).toMatchObject({ title: TITLE, timeLimitSeconds: 75 * 60 });
    expect(exported.items).toHaveLength(11);
    const [gift] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: `Export “${TITLE}” as GIFT` }).click()]);
    expect(readFileSync((await gift.path()) ?? '', 'utf8')).toContain('::');

    const file = join(mkdtempSync(join(tmpdir(), 'goprep-set-')), 'imported.json');
    writeFileSync(file, JSON.stringify({ ...exported, title: 'Imported screen' }));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('heading', { level: 1, name: 'Imported screen' }).waitFor();
    expect(await builder.items.count()).toBe(11);
    expect(await builder.setting('timeLimitMinutes').inputValue()).toBe('75');
    await page.getByRole('link', { name: /Back to question sets/ }).click();
    await builder.listRow('Imported screen').waitFor();
  });

  it('should duplicate a set, archive the copy and bring it back', async () => {
    await builder.listRow(TITLE).getByRole('button', { name: `Duplicate “${TITLE}”` }).click();
    const copy = `${TITLE} (copy)`;
    await page.getByRole('heading', { level: 1, name: copy }).waitFor();
    await page.getByRole('link', { name: /Back to question sets/ }).click();
    await builder.listRow(copy).getByRole('button', { name: `Archive “${copy}”` }).click();
    await page.getByText(`“${copy}” was archived.`).waitFor();
    await builder.listRow(copy).waitFor({ state: 'detached' });
    await page.getByTestId('show-archived').check();
    await builder.listRow(copy).getByText('Archived', { exact: true }).waitFor();
    await screenshot(page, 'set-list-archived');
    await builder.listRow(copy).getByRole('button', { name: `Unarchive “${copy}”` }).click();
    await builder.listRow(copy).waitFor({ state: 'detached' });
    await page.getByTestId('show-archived').uncheck();
    await builder.listRow(copy).waitFor();
    await builder.listRow(TITLE).waitFor();
  });

  it('should fit a 375 px phone, in English and Chinese', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'set-list-375');
    await builder.listRow(TITLE).getByRole('link', { name: TITLE, exact: true }).click();
    await builder.items.first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'set-builder-375');
    await new AppShell(page).switchLanguage('zh-CN');
    await page.getByRole('heading', { name: '题目项' }).waitFor();
    await page.getByText('版本 2 · 草稿').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'set-builder-375-zh');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'set-builder-zh');
    await new AppShell(page).switchLanguage('en');
  });
});
