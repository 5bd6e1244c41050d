import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AccountPage } from './pages/account-page';
import { AppShell } from './pages/app-shell';
import { CandidatePage } from './pages/candidate-page';
import { DrillsPage } from './pages/drills-page';
import { HiringApi } from './pages/hiring-api';
import { QuizResultPage } from './pages/quiz-result-page';
import { QuizRunnerPage } from './pages/quiz-runner-page';
import { QuizStartPage } from './pages/quiz-start-page';
import { RegisterPage } from './pages/register-page';
import { ARTIFACTS_DIR, screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/** Questions the repository ships zh-CN translations for (libs/question-bank/translations/zh-CN/channels). */
const SINGLE = 'ch-close-nil-panics';
const CODE_OUTPUT = 'ch-closed-buffer-drain';
const FLASHCARD = 'ch-comma-ok-flashcard';
const TRANSLATED = [SINGLE, CODE_OUTPUT, 'ch-range-needs-close', FLASHCARD];
const CHINESE_TITLES: Record<string, string> = { [SINGLE]: '关闭一个 nil channel', [FLASHCARD]: 'comma-ok 形式的接收' };

type Item = { position: number; questionId: string; type: string; contentLocale: string; fallback: boolean };

/** How many channels questions a quick quiz can draw (every type but essays and flashcards), so the quiz holds them all. */
async function drawableChannels(page: Page): Promise<number> {
  const res = await page.request.get('/api/questions?topic=channels&pageSize=100');
  const body = (await res.json()) as { items: Array<{ type: string }> };
  // What a quick quiz draws: no essays or flashcards, and no code tasks (they enter attempts through sets).
  return body.items.filter((q) => q.type !== 'essay' && q.type !== 'flashcard' && q.type !== 'code-task').length;
}

describe('questions in Chinese, the interface in English', () => {
  let browser: Browser;
  let page: Page;
  let attemptId = '';
  let items: Item[] = [];
  const runner = () => new QuizRunnerPage(page);
  const indexOf = (questionId: string) => items.findIndex((i) => i.questionId === questionId) + 1;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: 'Lin', email: uniqueEmail('zh'), password: 'questions in chinese' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should save 简体中文 as the question language on the Account page', async () => {
    const account = new AccountPage(page);
    await account.goto();
    await account.setContentLanguage('简体中文');
    const me = (await (await page.request.get('/api/me')).json()) as { contentLanguage: string };
    expect(me.contentLanguage).toBe('zh-CN');
  });

  it('should show a translated question in Chinese while the menus stay English', async () => {
    const count = await drawableChannels(page);
    const start = new QuizStartPage(page);
    await start.goto();
    attemptId = await start.startQuick({ topics: ['channels'], count, minutes: 30 });
    items = (await runner().delivery(attemptId)).items as unknown as Item[];
    expect(items.filter((i) => TRANSLATED.includes(i.questionId)).map((i) => i.contentLocale)).toEqual(
      items.filter((i) => TRANSLATED.includes(i.questionId)).map(() => 'zh-CN'),
    );

    const single = items[indexOf(SINGLE) - 1]!;
    await runner().open(indexOf(SINGLE), single.position);
    const question = runner().question;
    expect(await question.getAttribute('lang')).toBe('zh-CN');
    expect(await question.locator('h2').textContent()).toBe('关闭一个 nil channel');
    expect(await question.textContent()).toContain('程序执行 close(ch) 时会发生什么？');
    expect(await question.textContent()).toContain('触发运行时 panic。');
    expect(await question.getByTestId('content-fallback').count()).toBe(0);
    // The interface language is a separate choice: the navigation is still English.
    expect(await new AppShell(page).nav.textContent()).toContain('Practice');
  });

  it('should show a Chinese code question beside its program', async () => {
    const code = items[indexOf(CODE_OUTPUT) - 1]!;
    await runner().open(indexOf(CODE_OUTPUT), code.position);
    await runner().waitForCode();
    expect(await runner().question.locator('h2').textContent()).toBe('从已关闭的带缓冲 channel 接收');
    expect(await runner().question.textContent()).toContain('这个程序会输出什么？');
    await runner().answerText.fill('"a" true\n"b" true\n"" false');
    await runner().waitForSaved();
    await runner().scrollToTop();
    await screenshot(page, 'quiz-code-question-zh-CN');
    // Every bank question has a zh-CN translation now, so the "English original" fallback marker
    // cannot be reached in this browser world; the API suite (content-language) proves the fallback
    // on a database whose other translations it removed.
  });

  it('should show the result with the Chinese explanation of the code question', async () => {
    await runner().submitButton.click();
    await runner().confirmSubmit.click();
    const result = new QuizResultPage(page);
    await result.waitFor(attemptId);
    const reviewed = result.item(indexOf(CODE_OUTPUT));
    expect(await reviewed.getAttribute('data-status')).toBe('correct');
    expect(await reviewed.getByTestId('explanation').textContent()).toContain('关闭 channel 并不会丢弃缓冲区里已有的数据');
    // The reviewed item alone: the whole result page of fifteen items is a very tall image.
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // An element screenshot would show the sticky app header over the item's own header.
    await page.addStyleTag({ content: 'header.app-header { position: static !important; }' });
    await reviewed.screenshot({ path: join(ARTIFACTS_DIR, 'quiz-code-result-zh-CN.png') });
  });

  it('should drill translated cards in Chinese', async () => {
    await new HiringApi(page).send('POST', '/api/drills/deck', { questionIds: [FLASHCARD, SINGLE] });
    const drills = new DrillsPage(page);
    await drills.goto();
    const card = await drills.waitForQuestion();
    expect(Object.keys(CHINESE_TITLES)).toContain(card.questionId);
    expect(await drills.card.getAttribute('lang')).toBe('zh-CN');
    expect(await drills.card.locator('h2').textContent()).toBe(CHINESE_TITLES[card.questionId]);
    expect(await drills.card.getByTestId('content-fallback').count()).toBe(0);
  });

  it('should let a candidate take a set in Chinese, chosen on the intro page', async () => {
    const hiring = new HiringApi(page);
    const orgId = await hiring.createOrg('Chinese hiring');
    const setId = await hiring.publishedSet(orgId, {
      title: 'Go 后端笔试',
      instructions: 'Answer alone.',
      timeLimitSeconds: 1800,
      reviewPolicy: 'score',
      questionIds: [SINGLE, CODE_OUTPUT],
      language: 'candidate-chooses',
    });
    const [invite] = await hiring.invite(orgId, setId, [{ name: 'Zhang', email: uniqueEmail('cand') }], new Date(Date.now() + 86_400_000));
    const other = await launchBrowser();
    try {
      const candidatePage = await other.context.newPage();
      const candidate = new CandidatePage(candidatePage);
      await candidate.open(invite!.link);
      await candidate.intro.waitFor();
      await candidatePage.getByTestId('candidate-language').selectOption('zh-CN');
      await candidate.start.click();
      await candidate.runner.question.waitFor();
      expect(await candidate.runner.question.getAttribute('lang')).toBe('zh-CN');
      expect(await candidate.runner.question.locator('h2').textContent()).toBe('关闭一个 nil channel');
    } finally {
      await other.close();
    }
  });
});
