/**
 * Web budgets measured in Chromium (issue 8): initial JavaScript per route (gzip), each route's
 * chunks, where Monaco loads, first contentful paint of the dashboard (cold cache), and the time
 * from clicking an option to the "saved" indicator in the quiz runner (p95 over 50 clicks).
 *
 *   npm run bench -- web          (needs the build: npx nx run-many -t build -p api web)
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
// The browser launcher of the e2e suite (same Chromium, same flags).
import { closeChromium, launchBrowser } from '../web-e2e/src/support/chromium';
import { ApiSession } from '../support/api-session';
import { API_USER_PASSWORD } from './lib/api';
import { fmt, requireBuild, startBenchApp, table } from './lib/common';

const CLICKS = 50;
const FCP_RUNS = 5;

interface Chunk {
  name: string;
  bytes: number;
  gzip: number;
  /** The editor itself (a small wrapper chunk that only knows how to load it does not count). */
  monaco: boolean;
}

export interface RouteJs {
  route: string;
  path: string;
  chunks: Chunk[];
  gzipTotal: number;
  monaco: boolean;
}

export interface WebResult {
  routes: RouteJs[];
  fcp: number[];
  clicks: number[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Every script the page fetched until the network went quiet, with its gzip size. */
async function routeJs(page: Page, route: string, path: string): Promise<RouteJs> {
  const seen = new Map<string, Chunk>();
  const pending: Array<Promise<void>> = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script' || res.status() !== 200) return;
    pending.push(
      res.body().then((body) => {
        const name = new URL(res.url()).pathname.replace(/^\/assets\//, '');
        const text = body.toString('utf8');
        seen.set(name, { name, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, monaco: body.length > 200_000 && text.includes('MonacoEnvironment') });
      }, () => undefined),
    );
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  for (let settled = 0; settled < pending.length; ) {
    const batch = pending.length;
    await Promise.all(pending);
    settled = batch;
  }
  page.removeAllListeners('response');
  const chunks = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
  return { route, path, chunks, gzipTotal: chunks.reduce((s, c) => s + c.gzip, 0), monaco: chunks.some((c) => c.monaco) };
}

async function coldFcp(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto('/', { waitUntil: 'load' });
  return page.evaluate(`new Promise((resolve) => {
    const found = performance.getEntriesByName('first-contentful-paint')[0];
    if (found) return resolve(found.startTime);
    new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
  })`) as Promise<number>;
}


/**
 * Clicks in the page itself and times until the indicator says saved with nothing pending. Plain
 * source text: tsx would wrap named functions in a helper that does not exist in the page.
 */
const CLICK_TO_SAVED = `(n) => new Promise((resolve, reject) => {
  const status = document.querySelector('[data-testid="save-status"]');
  const target = document.querySelector('[data-testid="quiz-question"] [data-testid="option-' + n + '"]');
  if (!status || !target) return reject(new Error('no save status or option'));
  let started = false;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    const saved = status.getAttribute('data-status') === 'saved' && status.getAttribute('data-pending') === '0';
    if (!saved) started = true;
    else if (started) { observer.disconnect(); resolve(performance.now() - t0); }
  });
  observer.observe(status, { attributes: true, childList: true, subtree: true });
  target.click();
  setTimeout(() => reject(new Error('no save within 10 s')), 10000);
})`;

function clickToSaved(page: Page, option: number): Promise<number> {
  return page.evaluate(`(${CLICK_TO_SAVED})(${option})`) as Promise<number>;
}

export async function runWeb(): Promise<WebResult> {
  requireBuild();
  const { app } = await startBenchApp();
  process.env['E2E_BASE_URL'] = app.url;
  const browser = await launchBrowser();
  try {
    const routes: RouteJs[] = [];
    const anon = await browser.context.newPage();
    routes.push(await routeJs(anon, 'landing (signed out)', '/'));
    await anon.close();

    const user = await ApiSession.register(app.url, `web-bench-${Date.now()}@load.goprep.test`, API_USER_PASSWORD);
    const attempt = await user.ok<{ id: string; items: Array<{ position: number; type: string }> }>('POST', '/api/attempts', {
      mode: 'quick',
      topics: ['memory-model', 'goroutine-leaks', 'gc-tuning', 'channels', 'context', 'sync', 'scheduler', 'escape-analysis'],
      count: 30,
      timeLimitMinutes: 120,
    });
    await user.ok('POST', '/api/drills/deck', { topic: 'channels' });
    const cookieList = user.cookie.split('; ').map((pair) => {
      const i = pair.indexOf('=');
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: app.url };
    });
    await browser.context.addCookies(cookieList);
    const codeItem = attempt.items.findIndex((i) => i.type === 'code-lines' || i.type === 'code-output');
    for (const [route, path] of [
      ['dashboard', '/'],
      ['practice (bank)', '/practice'],
      ['quiz runner', `/practice/attempts/${attempt.id}`],
      ['drills', '/drills'],
      ['account', '/account'],
    ] as const) {
      const page = await browser.context.newPage();
      routes.push(await routeJs(page, route, path));
      await page.close();
    }

    const fcp: number[] = [];
    for (let i = 0; i < FCP_RUNS; i += 1) {
      const page = await browser.context.newPage();
      fcp.push(await coldFcp(page));
      await page.close();
    }

    const page = await browser.context.newPage();
    await page.goto(`/practice/attempts/${attempt.id}`, { waitUntil: 'networkidle' });
    const single = attempt.items.findIndex((i) => i.type === 'single');
    if (single < 0) throw new Error('the attempt has no single-choice item');
    await page.getByTestId(`nav-item-${single + 1}`).click();
    await page.waitForFunction((p) => document.querySelector('[data-testid="quiz-question"]')?.getAttribute('data-position') === String(p), attempt.items[single]!.position);
    const clicks: number[] = [];
    for (let k = 0; k < CLICKS; k += 1) clicks.push(await clickToSaved(page, 1 + (k % 2)));
    await page.close();

    print({ routes, fcp, clicks }, codeItem >= 0);
    return { routes, fcp, clicks };
  } finally {
    await browser.close();
    // launchBrowser's contexts share one Chromium per process: stop it with the bench.
    await closeChromium();
    await app.stop();
  }
}

function print(r: WebResult, quizHasCode: boolean): void {
  console.log('web: initial JavaScript per route (every script fetched until network idle; gzip -9 of each file)');
  console.log(
    table(
      r.routes.map((x) => ({
        route: x.route,
        'JS gzip': fmt.kb(x.gzipTotal),
        'JS raw': fmt.kb(x.chunks.reduce((s, c) => s + c.bytes, 0)),
        chunks: x.chunks.length,
        monaco: x.monaco ? 'yes' : 'no',
        'budget (<= 150 KB landing/dashboard)': x.route.startsWith('landing') || x.route === 'dashboard' ? (x.gzipTotal <= 150 * 1024 ? 'ok' : 'MISSED') : '-',
      })),
    ),
  );
  console.log(`(the quiz runner's attempt ${quizHasCode ? 'has' : 'has no'} code item)`);
  for (const x of r.routes) {
    console.log(`  ${x.route}: ${x.chunks.map((c) => `${c.name} ${fmt.kb(c.gzip)}`).join(', ')}`);
  }
  const fcp = [...r.fcp].sort((a, b) => a - b);
  const clicks = [...r.clicks].sort((a, b) => a - b);
  console.log(`dashboard first contentful paint, cold cache, ${fcp.length} loads: median ${fmt.ms(percentile(fcp, 50))}, max ${fmt.ms(fcp[fcp.length - 1] ?? 0)} (budget 1000 ms: ${(fcp[fcp.length - 1] ?? 0) <= 1000 ? 'ok' : 'MISSED'})`);
  console.log(
    `click option -> "saved", ${clicks.length} clicks: p50 ${fmt.ms(percentile(clicks, 50))}, p95 ${fmt.ms(percentile(clicks, 95))}, max ${fmt.ms(clicks[clicks.length - 1] ?? 0)} (budget p95 150 ms: ${percentile(clicks, 95) <= 150 ? 'ok' : 'MISSED'})`,
  );
}

if (require.main === module) {
  runWeb().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
