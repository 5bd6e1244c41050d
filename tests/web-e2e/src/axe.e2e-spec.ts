import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { HiringApi } from './pages/hiring-api';
import { uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/**
 * axe-core (WCAG 2.0/2.1 A and AA plus axe's best practices) on every main page, in English and
 * Chinese, light and dark, with the production CSP on: axe's source is evaluated through the
 * browser's DevTools protocol (as an extension or DevTools would), never added as a <script>, so the
 * policy the pages run under is the one users get. Any violation fails, with its rule, impact and
 * the elements it found.
 */

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeNode {
  target: string[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded !== 'object') await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })) })))`,
  )) as AxeViolation[];
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
}

interface Fixture {
  cookies: Awaited<ReturnType<BrowserContext['cookies']>>;
  codeQuestionId: string;
  attemptId: string;
  codePosition: number;
  resultAttemptId: string;
  orgId: string;
  draftSetId: string;
  /** One unused invite link per browser (starting the assessment uses it up). */
  inviteLinks: string[];
}

type Ready = (page: Page, f: Fixture) => Promise<void>;

/** The page is drawn: its heading, no busy regions, the network quiet, and the code viewer (when it shows code) rendered. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1, [role="main"] h1, h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
  const viewers = page.locator('[data-testid="code-viewer"]');
  if ((await viewers.count()) > 0) {
    await page.locator('[data-testid="code-viewer"][data-ready="true"] .cv-row').first().waitFor();
  }
}

const PAGES: Array<{ name: string; loggedOut?: boolean; path: (f: Fixture, browserIndex: number) => string; ready?: Ready }> = [
  { name: 'landing (logged out)', loggedOut: true, path: () => '/' },
  { name: 'dashboard', path: () => '/' },
  { name: 'bank', path: () => '/practice', ready: (p) => p.getByTestId('question-list').waitFor() },
  { name: 'question preview with code', path: (f) => `/practice/questions/${f.codeQuestionId}` },
  {
    name: 'quiz item with code',
    path: (f) => `/practice/attempts/${f.attemptId}`,
    ready: async (p, f) => {
      await p.getByTestId('quiz-runner').waitFor();
      await p.getByTestId(`nav-item-${f.codePosition}`).click();
      await p.locator('[data-testid="quiz-question"] [data-testid="code-viewer"]').waitFor();
    },
  },
  { name: 'result', path: (f) => `/practice/attempts/${f.resultAttemptId}/result`, ready: (p) => p.getByTestId('attempt-result').waitFor() },
  { name: 'drills', path: () => '/drills' },
  { name: 'drill stats', path: () => '/drills/stats' },
  { name: 'hiring', path: () => '/hiring', ready: (p) => p.getByTestId('question-sets-area').waitFor() },
  { name: 'set builder', path: (f) => `/hiring/orgs/${f.orgId}/sets/${f.draftSetId}` },
  { name: 'webhooks', path: (f) => `/hiring/orgs/${f.orgId}/webhooks`, ready: (p) => p.getByTestId('webhook-endpoint').waitFor() },
  { name: 'candidate intro', loggedOut: true, path: (f, i) => new URL(f.inviteLinks[i]!).pathname + new URL(f.inviteLinks[i]!).hash, ready: (p) => p.getByTestId('invite-intro').waitFor() },
  {
    name: 'candidate question with code',
    loggedOut: true,
    path: (f, i) => new URL(f.inviteLinks[i]!).pathname + new URL(f.inviteLinks[i]!).hash,
    ready: async (p) => {
      await p.getByTestId('start-test').click();
      await p.locator('[data-testid="quiz-question"] [data-testid="code-viewer"]').waitFor();
    },
  },
  { name: 'account', path: () => '/account' },
  { name: 'organization settings', path: (f) => `/hiring/orgs/${f.orgId}/settings`, ready: (p) => p.getByTestId('api-tokens-organization').waitFor() },
];

/** Everything the pages show, made through the real API as one learner who also manages an org. */
async function makeFixture(): Promise<Fixture> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto('/');
    const api = new HiringApi(page);
    await api.send('POST', '/api/auth/register', { email: uniqueEmail('axe'), password: 'accessible gophers 2026', displayName: 'Ada Lovelace' });
    const [codeQuestionId] = await api.bankQuestions('code-lines', 1);
    const singles = await api.bankQuestions('single', 2);

    type Attempt = { id: string; items: Array<{ position: number; type: string; options?: Array<{ id: string }> }> };
    const quiz = { mode: 'quick', topics: ['memory-model', 'goroutine-leaks', 'channels', 'context', 'sync'], count: 12, timeLimitMinutes: 60 };
    const open = (await api.send('POST', '/api/attempts', quiz)) as unknown as Attempt;
    const code = open.items.find((i) => i.type === 'code-lines' || i.type === 'code-output');
    if (!code) throw new Error('the quick quiz has no code item');

    const done = (await api.send('POST', '/api/attempts', quiz)) as unknown as Attempt;
    for (const item of done.items) {
      const response =
        item.type === 'code-lines' ? { lines: [3] } : item.type === 'single' ? { choice: item.options![0]!.id } : item.type === 'multi' ? { choices: [item.options![0]!.id] } : item.type === 'true-false' ? { value: true } : item.type === 'numeric' ? { value: 1 } : { text: 'a goroutine blocks' };
      await api.send('PUT', `/api/attempts/${done.id}/items/${item.position}/answer`, { response });
    }
    await api.send('POST', `/api/attempts/${done.id}/submit`);
    await api.send('POST', '/api/drills/deck', { topic: 'channels' });

    const orgId = await api.createOrg('Accessible Hiring');
    const setId = await api.publishedSet(orgId, {
      title: 'Backend screen',
      instructions: 'Two questions; the first shows a program.',
      timeLimitSeconds: 1200,
      reviewPolicy: 'correctness',
      questionIds: [codeQuestionId!, singles[0]!],
    });
    const draftSetId = (await api.send('POST', `/api/orgs/${orgId}/sets`, { title: 'Draft screen' }))['id'] as string;
    await api.send('PUT', `/api/orgs/${orgId}/sets/${draftSetId}/draft`, {
      title: 'Draft screen',
      instructions: 'A draft with a program and a choice.',
      timeLimitSeconds: 900,
      shuffleOptions: false,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: 'correctness',
      items: [codeQuestionId!, ...singles].map((questionId) => ({ kind: 'fixed', questionId, points: 1 })),
    });
    // A public address literal (no DNS) for an event nothing emits here: the page shows an endpoint, nothing is sent.
    await api.send('POST', `/api/orgs/${orgId}/webhooks`, { url: 'https://93.184.216.34/hooks/goprep', description: 'ATS', events: ['room.scored'] });
    const invites = await api.invite(
      orgId,
      setId,
      [0, 1, 2, 3].map((i) => ({ name: `Candidate ${i}`, email: uniqueEmail(`axe-candidate-${i}`) })),
      new Date(Date.now() + 3_600_000),
    );
    return {
      cookies: await browser.context.cookies(),
      codeQuestionId: codeQuestionId!,
      attemptId: open.id,
      codePosition: code.position,
      resultAttemptId: done.id,
      orgId,
      draftSetId,
      inviteLinks: invites.map((i) => i.link),
    };
  } finally {
    await browser.close();
  }
}

const VARIANTS = [
  { locale: 'en-US', colorScheme: 'light' },
  { locale: 'en-US', colorScheme: 'dark' },
  { locale: 'zh-CN', colorScheme: 'light' },
  { locale: 'zh-CN', colorScheme: 'dark' },
] as const;

describe('axe finds no accessibility violation on the main pages', () => {
  let fixture: Fixture;

  beforeAll(async () => {
    fixture = await makeFixture();
  }, 120_000);

  it('should keep the CSP on the pages it checks (axe comes in over DevTools, not a script tag)', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const res = await page.goto('/');
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(await axe(page)).toBeInstanceOf(Array);
      expect(await page.locator('script:not([src])').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  describe.each(VARIANTS.map((v, i) => ({ ...v, index: i })))('in $locale, $colorScheme theme', ({ locale, colorScheme, index }) => {
    let signedIn: Browser;
    // A second browser without cookies for what a visitor or a candidate sees.
    let signedOut: Browser;
    // One tab in each, as a person going from page to page: a new tab per page cost a renderer
    // process and Playwright's page set-up each time (docs/performance.md, "One tab per browser in axe").
    let signedInTab: Page;
    let signedOutTab: Page;

    beforeAll(async () => {
      signedIn = await launchBrowser({ locale, colorScheme });
      await signedIn.context.addCookies(fixture.cookies);
      signedOut = await launchBrowser({ locale, colorScheme });
      signedInTab = await signedIn.context.newPage();
      signedOutTab = await signedOut.context.newPage();
    }, 60_000);

    afterAll(async () => {
      await signedOut?.close();
      await signedIn?.close();
    });

    it.each(PAGES.map((p) => [p.name, p] as const))('%s', async (_name, spec) => {
      const page = spec.loggedOut ? signedOutTab : signedInTab;
      // Every page from a new document: two candidate pages open the same invite link, and a link that
      // differs from the current address only after its # would not load the page again.
      await page.goto('about:blank');
      await page.goto(spec.path(fixture, index));
      await spec.ready?.(page, fixture);
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale === 'zh-CN' ? 'zh-CN' : 'en');
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
      const violations = await axe(page);
      if (violations.length > 0) throw new Error(`${violations.length} axe violation(s):\n${describeViolations(violations)}`);
    }, 90_000);
  });
});
