import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { OrgQuestionsPage } from './pages/org-questions-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const ORDER_EXPLANATION = 'The write is sequenced before the send; the send completes before the receive does; the read follows the receive.';
const MATCH_EXPLANATION = 'The spec defines all three: close panics, and both send and receive block forever on a nil channel.';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A manager writes an ordering and a matching question with the keyboard, previews them as a candidate, and saves them. */
describe('a manager authors ordering and matching organization questions', () => {
  let browser: Browser;
  let page: Page;
  let questions: OrgQuestionsPage;

  const itemTexts = () => questions.form.getByTestId('order-items').locator('input[name^="items."]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Ken', email: uniqueEmail('oe'), password: 'unix and go and plan 9' });
    questions = new OrgQuestionsPage(page);
    await page.goto('/account');
    await page.getByLabel('New organization name').fill('Ordering Works');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByTestId('org-list').getByText('Ordering Works').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should author an ordering question, reordering rows with buttons and the keyboard', async () => {
    await questions.goto();
    await questions.startNew();
    await questions.fillBasics({
      title: 'Channel handoff order',
      type: 'ordering',
      topic: 'memory-model',
      subtopic: 'happens-before',
      tags: 'happens-before',
      references: 'https://go.dev/ref/mem',
    });
    await questions.fillContent('Put the events in happens-before order.', ORDER_EXPLANATION);
    // Three rows to start with, the bank's minimum: removing is not offered yet.
    expect(await questions.form.getByTestId('order-items').locator('input[name^="items."]').count()).toBe(3);
    expect(await questions.form.getByRole('button', { name: 'Remove Item 1' }).isDisabled()).toBe(true);
    await questions.field('items.0.text').fill('the receiver reads `x`');
    await questions.field('items.1.text').fill('the sender writes `x = 1`');
    await questions.field('items.2.text').fill('the send on `ch` completes');
    await questions.form.getByRole('button', { name: 'Add item' }).click();
    await questions.field('items.3.text').fill('a stray event');

    // Keyboard only: Enter on "Move down" three times takes the first row to the end, focus following it.
    await questions.form.getByRole('button', { name: 'Move down: Item 1: the receiver reads `x`' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move down: Item 2: the receiver reads `x`');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // At the end "Move down" is disabled, so focus moved to "Move up" of the same row.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move up: Item 4: the receiver reads `x`');
    expect(await questions.form.getByTestId('rows-live').textContent()).toBe('the receiver reads `x` moved to position 4 of 4.');
    expect(await itemTexts()).toEqual(['the sender writes `x = 1`', 'the send on `ch` completes', 'a stray event', 'the receiver reads `x`']);

    await questions.form.getByRole('button', { name: 'Remove Item 3: a stray event' }).click();
    expect(await itemTexts()).toEqual(['the sender writes `x = 1`', 'the send on `ch` completes', 'the receiver reads `x`']);
    // Removing is off at three rows, so focus lands on the next row's first enabled button.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move up: Item 3: the receiver reads `x`');
    expect(await questions.form.getByRole('button', { name: 'Remove Item 3: the receiver reads `x`' }).isDisabled()).toBe(true);

    // The candidate preview: shuffled items, no explanation, and a working ordering widget.
    await page.getByTestId('preview-org-question').click();
    const preview = page.getByTestId('candidate-preview-body');
    await preview.getByTestId('ordering-answer').waitFor();
    const shown = await preview.getByTestId('ordering-item').evaluateAll((items) => items.map((i) => i.textContent ?? ''));
    expect(shown).toHaveLength(3);
    expect(shown.map((s) => s.replace(/[0-9↑↓]/g, '').trim())).not.toEqual(['the sender writes x = ', 'the send on ch completes', 'the receiver reads x']);
    expect(await preview.textContent()).not.toContain(ORDER_EXPLANATION.slice(0, 30));
    await preview.getByTestId('ordering-item').first().getByRole('button').last().click();
    await screenshot(page, 'org-question-ordering-1366');

    await questions.save();
    await questions.row('Channel handoff order').waitFor();
  });

  it('should author a matching question with an extra choice and preview it as a candidate', async () => {
    await questions.startNew();
    await questions.fillBasics({
      title: 'Nil channel operations',
      type: 'matching',
      topic: 'channels',
      subtopic: 'nil-channels',
      tags: 'nil-channel',
      references: 'https://go.dev/ref/spec#Channel_types',
    });
    await questions.fillContent('Match each operation on a nil channel with what it does.', MATCH_EXPLANATION);
    await questions.field('pairs.0.text').fill('`close(ch)`');
    await questions.field('pairs.0.match').fill('panics');
    await questions.field('pairs.1.text').fill('`close(ch)`');
    await questions.field('pairs.1.match').fill('blocks forever');
    await questions.form.getByRole('button', { name: 'Add pair' }).click();
    await questions.field('pairs.2.text').fill('`<-ch`');
    await questions.field('pairs.2.match').fill('blocks forever');
    await questions.form.getByRole('button', { name: 'Add extra choice' }).click();
    await questions.field('distractors.0').fill('returns the zero value');

    // A repeated left item: the preview is refused with the field named beside it.
    await page.getByTestId('preview-org-question').click();
    await questions.summary.getByText('The question needs changes:').waitFor();
    expect(await questions.fieldError('pairs.1.text').textContent()).toContain('two left items with the same text');
    expect(await page.getByTestId('candidate-preview-body').count()).toBe(0);

    await questions.field('pairs.1.text').fill('`ch <- v`');
    await page.getByTestId('preview-org-question').click();
    const preview = page.getByTestId('candidate-preview-body');
    await preview.getByTestId('matching-answer').waitFor();
    expect(await questions.summary.textContent()).not.toContain('The question needs changes');
    const choices = await preview.getByTestId('match-select-1').locator('option').evaluateAll((options) => options.slice(1).map((o) => o.textContent));
    expect([...choices].sort()).toEqual(['blocks forever', 'panics', 'returns the zero value']);
    await preview.getByTestId('match-select-1').selectOption({ label: 'panics' });
    expect(await preview.textContent()).not.toContain(MATCH_EXPLANATION.slice(0, 30));
    // Editing after a preview says the preview is stale.
    await questions.field('distractors.0').fill('returns at once');
    await page.getByTestId('preview-stale').waitFor();
    await page.getByTestId('preview-org-question').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="preview-stale"]'));
    await screenshot(page, 'org-question-matching-1366');

    await questions.save();
    await questions.row('Nil channel operations').waitFor();
  });

  it('should reopen both with their rows and keep an unchanged save at version 1', async () => {
    await questions.openEditor('Channel handoff order');
    expect(await itemTexts()).toEqual(['the sender writes `x = 1`', 'the send on `ch` completes', 'the receiver reads `x`']);
    await questions.save();
    await questions.summary.getByText('Nothing changed; still version 1.').waitFor();
    await page.getByRole('link', { name: /Back to Hiring/ }).first().click();
    await questions.openEditor('Nil channel operations');
    expect(await questions.field('pairs.1.text').inputValue()).toBe('`ch <- v`');
    expect(await questions.field('distractors.0').inputValue()).toBe('returns at once');
    await questions.save();
    await questions.summary.getByText('Nothing changed; still version 1.').waitFor();
  });

  it('should fit a 375 px phone, in English and in Chinese', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByTestId('preview-org-question').click();
    await page.getByTestId('candidate-preview-body').getByTestId('matching-answer').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-question-matching-375');
    await page.getByRole('link', { name: /Back to Hiring/ }).first().click();
    await questions.openEditor('Channel handoff order');
    await page.getByTestId('preview-org-question').click();
    await page.getByTestId('candidate-preview-body').getByTestId('ordering-answer').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-question-ordering-375');
    await new AppShell(page).switchLanguage('zh-CN');
    await page.getByRole('heading', { name: '以候选人视角预览' }).waitFor();
    await questions.form.getByText('条目（按正确顺序填写）').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-question-ordering-375-zh');
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'org-question-ordering-1366-zh');
  });

  it('should import a GIFT matching question into the organization, and name the question that stops an import', async () => {
    await new AppShell(page).switchLanguage('en');
    await questions.goto();
    const panel = page.getByTestId('org-question-import');
    await panel.locator('summary').focus();
    await page.keyboard.press('Enter');
    await panel.getByLabel('Topic').selectOption('sync');
    await panel.getByLabel('References for every question').fill('https://pkg.go.dev/sync');
    // The second question has no general feedback, so no explanation: nothing is imported.
    const good = '::Sync types::Match each type to its use.{\n=Mutex -> mutual exclusion\n=Once -> one-time initialisation\n=WaitGroup -> waiting for goroutines\n####Each type in package sync solves one coordination problem. The docs of each say which.\n}\n';
    await panel.getByLabel('Questions', { exact: true }).fill(`${good}\n::No feedback::Is this imported?{TRUE}\n`);
    await page.getByTestId('import-org-questions').click();
    await panel.getByText('Nothing was imported:').waitFor();
    expect(await panel.getByTestId('import-result').textContent()).toContain('questions.1.explanation');
    expect(await questions.row('Sync types').count()).toBe(0);

    await panel.getByLabel('Questions', { exact: true }).fill(good);
    await page.getByTestId('import-org-questions').click();
    await panel.getByText('Imported 1 question.').waitFor();
    await questions.row('Sync types').waitFor();
    await screenshot(page, 'org-question-import-1366');
    await questions.openEditor('Sync types');
    expect(await questions.field('type').inputValue()).toBe('matching');
    expect(await questions.field('pairs.2.match').inputValue()).toBe('waiting for goroutines');

    // The panel on a phone, in Chinese.
    await page.setViewportSize({ width: 375, height: 812 });
    await new AppShell(page).switchLanguage('zh-CN');
    await questions.goto();
    await page.getByTestId('org-question-import').locator('summary').click();
    await page.getByTestId('org-question-import').getByText('导入题目').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-question-import-375-zh');
  });
});
