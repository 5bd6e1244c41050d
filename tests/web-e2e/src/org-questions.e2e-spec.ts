import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { OrgQuestionsPage } from './pages/org-questions-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const REFERENCE = 'https://go.dev/ref/spec#Close';
const EXPLANATION = 'Closing a nil channel panics at run time. The spec lists it with closing a closed channel. Nothing is printed before the panic.';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('a manager authors private organization questions', () => {
  let browser: Browser;
  let page: Page;
  let questions: OrgQuestionsPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Rob', email: uniqueEmail('oq'), password: 'unix and go and plan 9' });
    questions = new OrgQuestionsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should offer a user without an organization to create one on the Hiring page itself', async () => {
    await page.goto('/hiring');
    const start = page.getByTestId('hiring-start');
    await start.getByLabel('New organization name').waitFor();
    await start.getByRole('button', { name: 'Create organization' }).waitFor();
    expect(await page.getByTestId('org-questions').count()).toBe(0);
  });

  it('should create an organization and open an empty question list', async () => {
    await page.goto('/account');
    await page.getByLabel('New organization name').fill('Gopher Hiring');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByTestId('org-list').getByText('Gopher Hiring').waitFor();
    await questions.goto();
    await questions.area.getByText('No questions yet').waitFor();
  });

  it('should show the server field errors beside the fields', async () => {
    await questions.startNew();
    await questions.field('title').fill('Broken');
    await questions.field('tags').fill('Not Kebab');
    await questions.save();
    await questions.summary.getByText('The question needs changes:').waitFor();
    expect(await questions.fieldError('subtopic').textContent()).toBeTruthy();
    expect(await questions.fieldError('tags').textContent()).toContain('kebab-case');
    expect(await questions.fieldError('prompt').textContent()).toBe('is required');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('form-summary');
    await screenshot(page, 'org-question-errors');
  });

  it('should author a single-choice question', async () => {
    await questions.fillBasics({
      title: 'Closing a nil channel',
      type: 'single',
      topic: 'channels',
      subtopic: 'nil-channels',
      tags: 'nil-channel, close',
      references: REFERENCE,
    });
    await questions.fillContent('What happens when a goroutine closes a nil channel?', EXPLANATION);
    await questions.fillOption(0, 'Nothing', false);
    await questions.fillOption(1, 'It panics', true);
    await screenshot(page, 'org-question-single-form');
    await questions.save();
    await questions.list.waitFor();
    await questions.row('Closing a nil channel').waitFor();
    expect(await questions.verificationOf('Closing a nil channel')).toBe('not-applicable');
  });

  it('should author a code-output question with a Go program and its preview', async () => {
    await questions.startNew();
    await questions.fillBasics({
      title: 'Deferred calls run last in first out',
      type: 'code-output',
      topic: 'scheduler',
      subtopic: 'defer-order',
      tags: 'defer',
      references: 'https://go.dev/ref/spec#Defer_statements',
    });
    await questions.fillContent('What does this program print?', 'Deferred calls run in reverse order. The loop defers three calls. They print 2, 1 and 0.');
    const code = questions.field('code');
    await code.fill('package main\n\nimport "fmt"\n\nfunc main() {\n');
    await code.press('End');
    // Tab inserts a tab (gofmt style) instead of leaving the field.
    await code.press('Tab');
    await code.pressSequentially('for i := range 3 {\n');
    await code.press('Tab');
    await code.press('Tab');
    await code.pressSequentially('defer fmt.Println(i)\n');
    await code.press('Tab');
    await code.pressSequentially('}\n}\n');
    expect(await code.inputValue()).toBe('package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tdefer fmt.Println(i)\n\t}\n}\n');
    await questions.form.locator('[data-testid="code-viewer"][data-ready="true"] .cv-row').first().waitFor();
    await questions.field('outputs.0').fill('2\n1\n0');
    await screenshot(page, 'org-question-code-form');
    await questions.save();
    await questions.row('Deferred calls run last in first out').waitFor();
    expect(await questions.verificationOf('Deferred calls run last in first out')).toBe('unverified');
    expect(await questions.verificationOf('Closing a nil channel')).toBe('not-applicable');
    await screenshot(page, 'org-questions-list');
  });

  it('should author a code-lines question by clicking the line in the preview', async () => {
    await questions.startNew();
    await questions.fillBasics({
      title: 'Receive from a nil channel',
      type: 'code-lines',
      topic: 'channels',
      subtopic: 'nil-channels',
      tags: 'nil-channel, deadlock',
      references: 'https://go.dev/ref/spec#Receive_operator',
    });
    await questions.fillContent('Click the line where the program blocks forever.', 'Receiving from a nil channel blocks forever. No other goroutine exists. The runtime reports a deadlock.');
    await questions.field('code').fill('package main\n\nfunc main() {\n\tvar ch chan int\n\t<-ch\n}\n');
    const viewer = questions.form.locator('[data-testid="code-viewer"][data-ready="true"]');
    await viewer.locator('.cv-num', { hasText: /^5$/ }).click();
    await page.waitForFunction(() => (document.querySelector('input[name="lines"]') as HTMLInputElement | null)?.value === '5');
    expect(await questions.field('lineCheck').inputValue()).toBe('deadlock');
    await screenshot(page, 'org-question-code-lines-form');
    await questions.save();
    await questions.row('Receive from a nil channel').waitFor();
    expect(await questions.verificationOf('Receive from a nil channel')).toBe('unverified');
  });

  it('should edit a question into a new version', async () => {
    await questions.openEditor('Closing a nil channel');
    expect(await questions.field('options.1.text').inputValue()).toBe('It panics');
    await questions.save();
    await questions.summary.getByText('Nothing changed; still version 1.').waitFor();
    await questions.field('title').fill('Closing a nil channel panics');
    await questions.save();
    await questions.summary.getByText('Saved as version 2.').waitFor();
    await screenshot(page, 'org-question-edited');
    await page.getByRole('link', { name: /Back to Hiring/ }).first().click();
    await questions.row('Closing a nil channel panics').getByText('version 2').waitFor();
  });

  it('should retire a question after confirmation', async () => {
    const row = questions.row('Deferred calls run last in first out');
    const retire = row.getByRole('button', { name: 'Retire “Deferred calls run last in first out”' });
    // Keyboard: Enter opens the confirmation with focus on it, Escape cancels back to the button.
    await retire.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Retire question');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Retire “Deferred calls run last in first out”');
    await retire.click();
    await row.getByRole('button', { name: 'Retire question' }).waitFor();
    await screenshot(page, 'org-question-retire-confirm');
    await row.getByRole('button', { name: 'Retire question' }).click();
    await questions.area.getByText('“Deferred calls run last in first out” was retired.').waitFor();
    expect(await questions.row('Deferred calls run last in first out').count()).toBe(0);
  });

  it('should fit a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await questions.goto();
    await questions.list.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-questions-375');
    await questions.openEditor('Closing a nil channel panics');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-question-editor-375');
    await new AppShell(page).switchLanguage('zh-CN');
    await page.getByRole('heading', { name: '编辑题目' }).waitFor();
    await page.getByRole('link', { name: /返回招聘/ }).click();
    await questions.area.getByRole('heading', { name: '组织题目' }).waitFor();
    expect(await questions.row('Closing a nil channel panics').getByTestId('verification-badge').textContent()).toBe('无程序');
    await screenshot(page, 'org-questions-375-zh');
  });
});
