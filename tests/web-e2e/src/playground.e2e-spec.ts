import type { Page } from 'playwright-core';
import { DrillsPage } from './pages/drills-page';
import { HiringApi } from './pages/hiring-api';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/**
 * The playground after answering a drill card: its program opens in an editable editor and "Run"
 * queues a playground run for the card (the server checks the card was answered; no key needed).
 */
describe('the playground of an answered code-output card', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Ken', email: uniqueEmail('playground'), password: 'edit the program and run it' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should offer "Edit and run" only after answering, and queue the edited program', async () => {
    const api = new HiringApi(page);
    const [question] = await api.bankQuestions('code-output', 1);
    await api.send('POST', '/api/drills/deck', { questionIds: [question!] });
    const drills = new DrillsPage(page);
    await drills.goto();
    const card = await drills.waitForQuestion();
    expect(card).toEqual({ questionId: question, type: 'code-output' });
    expect(await page.getByTestId('playground-open').count()).toBe(0);

    await drills.answerByKeyboard('code-output');
    await drills.waitForVerdict();
    await page.getByTestId('playground-open').click();
    await page.locator('[data-testid="playground"] [data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    const queued = page.waitForResponse((res) => res.url().endsWith('/api/judge/playground') && res.request().method() === 'POST');
    await page.getByTestId('playground-run').click();
    const created = await queued;
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { mode: string; files: Record<string, string> };
    expect(body.mode).toBe('playground');
    expect(Object.keys(body.files)).toEqual(['main.go']);
    expect(body.files['main.go']).toContain('package main');
    await page.waitForFunction(() => document.querySelector('[data-testid="playground-status"]')?.getAttribute('data-phase') === 'following');
    await screenshot(page, 'drill-playground');
  });
});
