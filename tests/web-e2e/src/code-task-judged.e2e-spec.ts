import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { SHARED_JUDGE_DATA_DIR, startApp, startRunner, type RunningApp, type RunningRunner } from '@goprep/test-support';
import { CandidatePage } from './pages/candidate-page';
import { HiringApi } from './pages/hiring-api';
import { QuizRunnerPage } from './pages/quiz-runner-page';
import { RegisterPage } from './pages/register-page';
import { ResultsPage } from './pages/results-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';
import { waitForEditorText } from './support/code-editor';

/** The leak task of the "Done when": a fan-out that returns on the first error. */
const TASK = 'gl-fanout-early-return-task';
const FILE = 'fetch.go';
/** The starter's blocked send: `ch <- result{...}` in the goroutine nobody receives from. */
const BLOCKED_LINE = 18;
/** Where the fix goes: `ch := make(chan result)`. */
const CHANNEL_LINE = 14;

const DOCS = resolve(__dirname, '../../../docs/screenshots');

async function docShot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.screenshot({ path: resolve(DOCS, `${name}.png`), fullPage: false });
}


/**
 * Issue 14, "Done when", in the built app with a real judge runner (bubblewrap + Go) on the app's
 * database: a learner opens the leak task from the bank, runs its visible tests, follows the leak
 * report to the blocked line, fixes the code by typing in Monaco, submits and gets full marks
 * from the hidden tests; a candidate does the task in a question set and the manager reads the
 * code, the verdicts and the leak report in the candidate's report.
 *
 * This spec starts its own app (the shared one has no runner) and leaves only this task's judge
 * spec in its database, so the runner warms one task, not the whole bank.
 */
describe('a code task judged by a real runner: learner, candidate and manager', () => {
  let app: RunningApp;
  let runner: RunningRunner;
  let learnerBrowser: Browser;
  let managerBrowser: Browser;
  let candidateBrowser: Browser;
  let page: Page;
  let attemptId = '';

  beforeAll(async () => {
    mkdirSync(DOCS, { recursive: true });
    app = await startApp();
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const { rowCount } = await db.query(
        `DELETE FROM judge_task_specs s USING question_versions v WHERE v.id = s.question_version_id AND v.question_id <> $1`,
        [TASK],
      );
      expect(rowCount).toBeGreaterThan(0);
      const left = await db.query(`SELECT count(*)::int AS n FROM judge_task_specs`);
      expect(left.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
    runner = startRunner('web-e2e-runner', { DATABASE_URL: app.databaseUrl, JUDGE_DATA_DIR: SHARED_JUDGE_DATA_DIR });
    await runner.waitFor('ready: taking judge jobs', 600_000);
    learnerBrowser = await launchBrowser({ baseURL: app.url });
  }, 720_000);

  afterAll(async () => {
    await learnerBrowser?.close();
    await managerBrowser?.close();
    await candidateBrowser?.close();
    await runner?.stop();
    await app?.stop();
  });

  it('should open the leak task from the bank, run the visible tests and show the leak report at the blocked line', async () => {
    page = await learnerBrowser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Ada', email: uniqueEmail('leak'), password: 'fix the leak with go' });

    // The bank page of a task offers "Practise this task": a one-item attempt in the editor.
    await page.goto(`/practice/questions/${TASK}`);
    await page.getByTestId('practise-task').click();
    await page.waitForURL(/\/practice\/attempts\/[0-9a-f-]{36}$/);
    attemptId = new URL(page.url()).pathname.split('/').at(-1)!;
    const runner = new QuizRunnerPage(page);
    await runner.root.waitFor();
    await page.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await waitForEditorText(page, 'ch := make(chan result)');

    await page.getByTestId('code-task-run').click();
    const result = page.getByTestId('run-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-verdict')).toBe('failed');
    expect(await page.locator('[data-testid="run-test"][data-name="TestErrorDoesNotLeak"]').getAttribute('data-passed')).toBe('false');
    expect(await page.locator('[data-testid="run-test"][data-name="TestAllSucceed"]').getAttribute('data-passed')).toBe('true');
    const leak = page.getByTestId('leak-report');
    await leak.waitFor();
    // The report names the blocked send, as a link into the file.
    const refs = await leak.getByTestId('report-ref').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-file')}:${el.getAttribute('data-line')}`));
    expect({ refs, report: await leak.innerText() }).toMatchObject({ refs: expect.arrayContaining([`${FILE}:${BLOCKED_LINE}`]) });
    const ref = leak.locator(`[data-testid="report-ref"][data-file="${FILE}"][data-line="${BLOCKED_LINE}"]`).first();
    await ref.scrollIntoViewIfNeeded();
    await docShot(page, 'code-task-leak-report');

    await ref.click();
    await page.waitForFunction((line) => document.querySelector('[data-testid="code-editor"]')?.getAttribute('data-cursor-line') === String(line), BLOCKED_LINE);
    await page.getByTestId('code-editor').scrollIntoViewIfNeeded();
    await docShot(page, 'code-task-blocked-line');
  });

  it('should judge the fix typed in the editor as passing, then give full marks after submission', async () => {
    const runner = new QuizRunnerPage(page);
    // From the blocked line (the report link put the cursor there) up to the channel: buffer it,
    // and cancel the remaining fetches once FetchAll has its answer. The keys go to Monaco's input
    // (focused explicitly: a screenshot or a slow frame must not leave them to the page).
    const channelLine = page.locator('[data-testid="code-editor"] .view-line', { hasText: 'ch := make(chan result)' });
    await channelLine.scrollIntoViewIfNeeded();
    await channelLine.click();
    await page.waitForFunction((line) => document.querySelector('[data-testid="code-editor"]')?.getAttribute('data-cursor-line') === String(line), CHANNEL_LINE);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    // Every bracket is typed closed: Monaco types over a closing bracket it inserted itself, so the
    // text is the same whether or not its auto-closing has kicked in yet (the Go language's
    // configuration loads after the editor appears, and a test must not depend on when).
    await page.keyboard.type(', len(urls)');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ctx, cancel := context.WithCancel(ctx)');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('defer cancel()');
    // What was typed is what the autosave stored (Monaco renders lines out of order in the DOM, so
    // the saved answer is the reliable read of the editor's text).
    const saved = async () => {
      const res = await page.request.get(`/api/attempts/${attemptId}`);
      const body = (await res.json()) as { items: Array<{ answer: { response: { files?: Record<string, string> } | null } | null }> };
      return body.items[0]?.answer?.response?.files?.[FILE] ?? '';
    };
    const fixed = 'ch := make(chan result, len(urls))\n\tctx, cancel := context.WithCancel(ctx)\n\tdefer cancel()\n\tfor i, u := range urls {';
    let code = '';
    for (let i = 0; i < 50 && !code.includes(fixed); i++) {
      await page.waitForTimeout(200);
      code = await saved();
    }
    expect(code).toContain(fixed);
    await runner.waitForSaved();

    await page.keyboard.press('Control+Enter');
    const result = page.locator('[data-testid="run-result"][data-verdict="passed"]');
    await result.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('leak-report').count()).toBe(0);
    expect(await page.locator('[data-testid="run-test"][data-passed="false"]').count()).toBe(0);
    await docShot(page, 'code-task-fixed');

    await runner.submitButton.click();
    await runner.submitDialog.waitFor();
    await runner.confirmSubmit.click();
    await page.waitForURL(new RegExp(`/practice/attempts/${attemptId}/result$`));
    // The hidden tests judge the submitted code; the page follows until the verdict is in.
    const review = page.locator('[data-testid="code-task-review"][data-verdict="passed"]');
    await review.waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="result-percent"]')?.textContent === '100%', undefined, { timeout: 30_000 });
    const tests = review.getByTestId('review-test');
    expect(await tests.count()).toBeGreaterThanOrEqual(2);
    expect(await review.locator('[data-testid="review-test"][data-passed="false"]').count()).toBe(0);
    // After submission the learner may read the hidden tests and the reference solution.
    const kinds = await review.getByTestId('review-file-tab').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['code', 'hidden', 'solution']));
    await review.scrollIntoViewIfNeeded();
    await docShot(page, 'code-task-result');
  });

  it("should show the manager a candidate's code, the hidden-test verdicts and the leak report linked into the code", async () => {
    managerBrowser = await launchBrowser({ baseURL: app.url });
    const manager = await managerBrowser.context.newPage();
    await RegisterPage.signUp(manager, { displayName: 'Kiko', email: uniqueEmail('task-manager'), password: 'read the code in the report' });
    const api = new HiringApi(manager);
    const orgId = await api.createOrg('Leak Hiring');
    const setId = await api.publishedSet(orgId, {
      title: 'Leak screen',
      instructions: 'Fix the leak.',
      timeLimitSeconds: 1800,
      reviewPolicy: 'score',
      questionIds: [TASK],
    });
    const email = uniqueEmail('gopher');
    const [invite] = await api.invite(orgId, setId, [{ name: 'Gopher Candidate', email }], new Date(Date.now() + 86_400_000));

    // The candidate cannot run the tests: they document the code and submit it, leak and all.
    candidateBrowser = await launchBrowser({ baseURL: app.url });
    const cpage = await candidateBrowser.context.newPage();
    const candidate = new CandidatePage(cpage);
    await candidate.open(invite!.link);
    await candidate.intro.waitFor();
    await candidate.start.click();
    await candidate.runner.root.waitFor();
    await cpage.locator('[data-testid="code-editor"][data-ready="true"] .view-lines').click();
    await cpage.keyboard.press('Control+Home');
    await cpage.keyboard.type('// Reviewed by the candidate.\n');
    await waitForEditorText(cpage, '// Reviewed by the candidate.');
    await candidate.runner.waitForSaved();
    await candidate.submit();

    const results = new ResultsPage(manager);
    await results.goto(orgId, setId);
    await results.row(email).waitFor();
    await results.openReport(email);
    const review = manager.locator('[data-testid="report-item"] [data-testid="code-task-review"][data-state="done"]');
    await review.waitFor({ timeout: 120_000 });
    expect(await review.getAttribute('data-verdict')).toBe('failed');
    // The candidate's final code, as submitted.
    await manager.locator('[data-testid="code-editor"][data-ready="true"] .view-line').first().waitFor();
    await waitForEditorText(manager, '// Reviewed by the candidate.');
    // Each hidden test by name with its outcome; the leak test failed.
    const outcomes = await review.getByTestId('review-test').evaluateAll((els) => els.map((el) => [el.getAttribute('data-name'), el.getAttribute('data-passed')]));
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.some(([, passed]) => passed === 'false')).toBe(true);
    // The hidden tests are shown to the manager; the reference solution is not.
    const kinds = await review.getByTestId('review-file-tab').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toContain('hidden');
    expect(kinds).not.toContain('solution');
    // The blocked send in the leak report (one line lower: the candidate added a line on top) moves the viewer there.
    const ref = review.locator(`[data-testid="review-leak-report"] [data-testid="report-ref"][data-file="${FILE}"][data-line="${BLOCKED_LINE + 1}"]`).first();
    await ref.click();
    await manager.waitForFunction(
      (line) => document.querySelector('[data-testid="code-task-review"] [data-testid="code-editor"]')?.getAttribute('data-cursor-line') === String(line),
      BLOCKED_LINE + 1,
    );
    await review.scrollIntoViewIfNeeded();
    await docShot(manager, 'code-task-manager-report');
  });
});
