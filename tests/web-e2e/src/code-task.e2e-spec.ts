import type { Page } from 'playwright-core';
import { CandidatePage } from './pages/candidate-page';
import { HiringApi } from './pages/hiring-api';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';
import { waitForEditorText } from './support/code-editor';

const EDIT = '// edited by the candidate';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}


/**
 * A code task in the shared attempt runner, reached the way a candidate reaches one: a hiring set
 * with a fixed code-task item. The editor, its file tabs, and saving the code as the answer through
 * the autosave path are real; "Run" queues the visible tests through the candidate's judge routes.
 */
describe('a code task in the attempt runner', () => {
  let managerBrowser: Browser;
  let candidateBrowser: Browser;
  let page: Page;
  let link = '';
  let taskFiles: string[] = [];
  let visibleTests: string[] = [];

  beforeAll(async () => {
    managerBrowser = await launchBrowser();
    const manager = await managerBrowser.context.newPage();
    await RegisterPage.signUp(manager, { displayName: 'Kiko', email: uniqueEmail('tasks'), password: 'code tasks judged by go' });
    const api = new HiringApi(manager);
    const orgId = await api.createOrg('Task Hiring');
    const [task] = await api.bankQuestions('code-task', 1);
    const [single] = await api.bankQuestions('single', 1);
    const setId = await api.publishedSet(orgId, {
      title: 'Task screen',
      instructions: 'Fix the code so its tests pass.',
      timeLimitSeconds: 1800,
      reviewPolicy: 'correctness',
      questionIds: [task!, single!],
    });
    const [invite] = await api.invite(orgId, setId, [{ name: 'Rob Pike', email: uniqueEmail('rob') }], new Date(Date.now() + 86_400_000));
    link = invite!.link;
    candidateBrowser = await launchBrowser();
  });

  afterAll(async () => {
    await managerBrowser?.close();
    await candidateBrowser?.close();
  });

  it('should show the starter files in an editable Go editor with a tab per file and the visible tests read-only', async () => {
    page = await candidateBrowser.context.newPage();
    const candidate = new CandidatePage(page);
    await candidate.open(link);
    await candidate.intro.waitFor();
    const delivered = page.waitForResponse((res) => res.url().endsWith('/api/candidate/start') && res.request().method() === 'POST');
    await candidate.start.click();
    const body = (await (await delivered).json()) as { items: Array<{ type: string; task?: { files: string[]; starter: Record<string, string>; visibleTests: Record<string, string> } }> };
    const item = body.items.find((i) => i.type === 'code-task');
    expect(item?.task).toBeDefined();
    // What the delivery carries of a task: starters and visible tests, nothing else.
    expect(Object.keys(item!.task!).sort()).toEqual(['files', 'starter', 'visibleTests']);
    expect(JSON.stringify(body)).not.toMatch(/"(hiddenTests|solution)"\s*:/);
    taskFiles = item!.task!.files;
    visibleTests = Object.keys(item!.task!.visibleTests).sort();

    const runner = candidate.runner;
    await runner.root.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-type') === 'code-task');
    const tabs = page.getByTestId('code-task-tab');
    expect(await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-file')))).toEqual([...taskFiles, ...visibleTests]);
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await waitForEditorText(page, item!.task!.starter[taskFiles[0]!]!.split('\n')[0]!);

    // Keyboard: arrows move between the file tabs; the visible tests open read-only.
    await tabs.first().focus();
    await page.keyboard.press('End');
    expect(await tabs.last().getAttribute('aria-selected')).toBe('true');
    await page.waitForFunction(() => document.querySelector('[data-testid="code-editor"]')?.getAttribute('data-path')?.endsWith('_test.go'));
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await waitForEditorText(page, 'func Test');
    await page.keyboard.press('Home');
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');

    // A candidate runs the visible tests through the candidate's own judge routes (the invite cookie, no account).
    expect(await page.getByTestId('code-task-run').isDisabled()).toBe(false);
    expect(await page.getByTestId('run-not-offered').count()).toBe(0);
    const queued = page.waitForResponse((res) => res.url().endsWith('/api/candidate/attempt/judge/runs') && res.request().method() === 'POST');
    await page.getByTestId('code-task-run').click();
    const created = await queued;
    expect(created.status()).toBe(201);
    expect(((await created.json()) as { mode: string }).mode).toBe('visible');
    await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-phase') === 'following');
  });

  it('should save the edited code as the answer and bring it back after a reload', async () => {
    const runner = new CandidatePage(page).runner;
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(`${EDIT}\n`);
    await waitForEditorText(page, EDIT);
    await runner.waitForSaved();
    await runner.scrollToTop();
    await screenshot(page, 'code-task-editor');

    await page.reload();
    await runner.root.waitFor();
    // The runner reopens at the first unanswered item; the task (item 1) counts as answered now.
    await runner.open(1, 1);
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await waitForEditorText(page, EDIT);
  });

  it('should fit a 375 px screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await page.getByTestId('code-task-run').waitFor();
    // Monaco lays itself out again after a resize (a ResizeObserver): give it that moment.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, undefined, { timeout: 5000 }).catch(() => undefined);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await new CandidatePage(page).runner.scrollToTop();
    await screenshot(page, 'code-task-mobile');
  });
});
