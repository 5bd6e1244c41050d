import type { Locator, Page } from 'playwright-core';
import { PracticePage } from './pages/practice-page';
import { QuestionPage } from './pages/question-page';
import { QuizResultPage } from './pages/quiz-result-page';
import { QuizRunnerPage } from './pages/quiz-runner-page';
import { QuizStartPage } from './pages/quiz-start-page';
import { RegisterPage } from './pages/register-page';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/** A bank question whose explanation names options by letter ("Option (b) is tempting ..."). */
const LETTERED = { id: 'mm-typed-atomics-alignment', title: 'What atomic.Int64 adds over int64 with AddInt64' };

/** Label -> option text, as a list of choices shows them (runner, review, try-it). */
async function labelled(options: Locator): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const option of await options.all()) {
    const label = ((await option.getByTestId('option-label').textContent()) ?? '').trim();
    const text = ((await option.locator('.markdown').first().textContent()) ?? '').trim();
    out.set(label, text);
  }
  return out;
}

/** The option letters an explanation names ("Option (B)", "options A and C", "(D)"). */
function namedLetters(explanation: string): string[] {
  const letters: string[] = [];
  for (const m of explanation.matchAll(/\b[Oo]ptions?\s+((?:\(?[A-Za-z]\)?(?:\s*,\s*|\s+and\s+|\s+or\s+)?)+)/g)) {
    for (const l of (m[1] ?? '').matchAll(/\(?\b([A-Za-z])\b\)?/g)) letters.push(l[1] ?? '');
  }
  for (const m of explanation.matchAll(/(?<![\w\])])\(([A-H])\)/g)) letters.push(m[1] ?? '');
  return letters;
}

describe('one label per option, a question page you can answer, and a bank that keeps its filters', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Rob', email: uniqueEmail('labels'), password: 'letters not numbers' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should open a question from a filtered bank and come back to the same filters', async () => {
    const practice = new PracticePage(page);
    await practice.goto('?topic=memory-model&type=single&q=atomic');
    const row = practice.rows.filter({ hasText: LETTERED.title });
    await row.locator('a').click();
    await page.locator('#question-title').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/practice/questions/${LETTERED.id}`);
    await page.getByTestId('back-to-bank').click();
    await practice.list.waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('topic'), url.searchParams.get('type'), url.searchParams.get('q')]).toEqual(['/practice', 'memory-model', 'single', 'atomic']);
    expect(await practice.rows.filter({ hasText: LETTERED.title }).count()).toBe(1);
  });

  it('should let a learner try a question untimed: the key and explanation only after checking, options named as shown', async () => {
    const question = new QuestionPage(page);
    const delivered = page.waitForResponse((res) => res.url().endsWith(`/api/questions/${LETTERED.id}`));
    await question.goto(LETTERED.id);
    // Nothing of the key reaches the page before an answer is given.
    expect(JSON.stringify(await (await delivered).json())).not.toMatch(/"(correct|explanation|feedback|answerKey|key)"/);
    const tryIt = page.getByTestId('try-it');
    await tryIt.waitFor();
    expect(await page.getByTestId('try-it-explanation').count()).toBe(0);

    const shown = await labelled(tryIt.locator('.quiz-option'));
    expect([...shown.keys()]).toEqual(['A', 'B', 'C', 'D']);
    // Pick the acquire/release distractor by its text, whatever its letter.
    const [tempting] = [...shown].find(([, text]) => text.includes('acquire/release')) ?? [];
    expect(tempting).toBeDefined();
    await tryIt.locator('.quiz-option', { hasText: 'acquire/release' }).locator('input').check();
    await page.getByTestId('try-it-check').click();
    const result = page.getByTestId('try-it-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('incorrect');

    // The explanation names the distractor by the letter it was shown with on this page.
    const explanation = (await page.getByTestId('try-it-explanation').textContent()) ?? '';
    expect(explanation).toContain(`Option (${tempting}) is tempting because other languages`);
    const reviewed = await labelled(result.getByTestId('review-option'));
    expect(reviewed).toEqual(shown);
    for (const letter of namedLetters(explanation)) expect(reviewed.has(letter)).toBe(true);
    await screenshot(page, 'question-try-it-result');

    await page.getByTestId('try-it-again').click();
    await page.getByTestId('try-it-check').waitFor();
  });

  it('should add the question to the drills from its page', async () => {
    await page.getByTestId('add-to-drills').click();
    expect(await page.getByTestId('drills-added').textContent()).toContain('Added to your drills.');
    const deck = (await (await page.request.get('/api/drills/deck')).json()) as { cards: Array<{ questionId: string }> };
    expect(deck.cards.map((c) => c.questionId)).toContain(LETTERED.id);
    await page.reload();
    await page.getByTestId('add-to-drills').click();
    expect(await page.getByTestId('drills-added').textContent()).toContain('Already in your drills.');
  });

  it('should try a find-the-lines question and mark the picked and the correct lines in the program', async () => {
    const question = new QuestionPage(page);
    await question.goto('ch-nil-send-blocks');
    await question.waitForCode();
    await question.lineNumber(1).click();
    expect(await question.selectedLines()).toBe('1');
    await page.getByTestId('try-it-check').click();
    await page.getByTestId('try-it-result').waitFor();
    // Line 1 (package main) is never the answer: it is marked wrong, and the key's lines as missed.
    await page.waitForFunction(() => /\b1wrong\b/.test(document.querySelector('[data-testid="code-viewer"]')?.getAttribute('data-marks') ?? ''));
    const marks = (await question.viewer.getAttribute('data-marks')) ?? '';
    expect(marks).toMatch(/\d+missed/);
    expect(await page.getByTestId('code-viewer-legend').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'question-try-it-lines');
  });

  it('should letter options in the runner and name them with the same letters on the result page', async () => {
    const start = new QuizStartPage(page);
    await start.goto();
    const id = await start.startQuick({ topics: ['memory-model', 'gc-tuning', 'trace-sampling'], count: 20, minutes: 60 });
    const runner = new QuizRunnerPage(page);
    const { items } = await runner.delivery(id);
    const choices = items.map((item, i) => ({ item, n: i + 1 })).filter(({ item }) => item.type === 'single' || item.type === 'multi');
    expect(choices.length).toBeGreaterThan(0);
    const seen = new Map<number, Map<string, string>>();
    for (const { item, n } of choices) {
      await runner.open(n, item.position);
      const options = runner.question.locator('.quiz-option');
      seen.set(n, await labelled(options));
      expect([...(seen.get(n)?.keys() ?? [])]).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].slice(0, item.options?.length ?? 0));
      await runner.option(2).check();
    }
    await runner.waitForSaved();
    await screenshot(page, 'quiz-runner-lettered');
    await runner.submitButton.click();
    await runner.submitDialog.waitFor();
    await runner.confirmSubmit.click();
    const result = new QuizResultPage(page);
    await result.waitFor(id);
    let named = 0;
    for (const { n } of choices) {
      const entry = result.item(n);
      const reviewed = await labelled(entry.getByTestId('review-option'));
      expect(reviewed).toEqual(seen.get(n));
      // The option picked as "B" in the runner is "B" here too.
      expect(await entry.locator('.review-option--picked [data-testid="option-label"]').textContent()).toBe('B');
      const explanation = (await entry.getByTestId('explanation').textContent()) ?? '';
      // No reference left in the bank's own ids; every letter named is one the learner saw.
      expect(explanation).not.toMatch(/\b[Oo]ptions? \(?[a-h]\)?(?![\w-])/);
      for (const letter of namedLetters(explanation)) expect(reviewed.has(letter)).toBe(true);
      named += namedLetters(explanation).length;
    }
    expect(named).toBeGreaterThan(0);
    await screenshot(page, 'quiz-result-lettered');
  });
});
