/**
 * Lighthouse 12 (desktop preset: simulated fast connection, no CPU slowdown) on the production
 * build, issue 21: the landing page, the dashboard and a quiz item that shows code. Prints the
 * performance and accessibility scores, LCP, CLS, TBT and FCP, each against its target.
 *
 *   npm run bench -- lighthouse     (needs the build: npx nx run-many -t build -p api web)
 *   LIGHTHOUSE_RUNS=3 npm run bench -- lighthouse    (each page 3 times; every column is the median)
 *
 * The JS column is the script the page ran (decoded bytes: the signed-in runs keep the browser
 * cache, so bytes on the wire would say little) and whether Monaco's chunk or worker was among it:
 * read-only code must not need the editor (issue 21).
 *
 * Our own Chromium (the e2e suite's binary and flags) with a DevTools port; the signed-in pages get
 * the learner's real cookies, and Lighthouse is told not to clear them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../support/chromium-path';
import { ApiSession, responseFor, type ItemView } from '../support/api-session';
import { freePort } from '../support/free-port';
import { API_USER_PASSWORD } from './lib/api';
import { requireBuild, startBenchApp, table } from './lib/common';

interface Target {
  name: string;
  path: string;
  signedIn: boolean;
  /** Minimum performance score (0-100). */
  perfTarget: number;
  /** Where the page ends up (a signed-out visitor of / is sent to /login). */
  lands: string;
}

export interface LighthouseRow {
  page: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  /** Decoded bytes of script the page loaded (from the network or the cache). */
  scriptBytes: number;
  /** Whether the editor (Monaco's chunk or its worker) was downloaded. */
  monaco: boolean;
}

const MONACO_ASSET = /\/assets\/(code-editor|editor\.worker)-[\w-]+\.js/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every column's median over the runs of one page. */
function medianRow(runs: LighthouseRow[]): LighthouseRow {
  const of = (pick: (r: LighthouseRow) => number) => median(runs.map(pick));
  return {
    page: runs[0]!.page,
    performance: Math.round(of((r) => r.performance)),
    accessibility: Math.round(of((r) => r.accessibility)),
    lcpMs: of((r) => r.lcpMs),
    cls: of((r) => r.cls),
    tbtMs: of((r) => r.tbtMs),
    fcpMs: of((r) => r.fcpMs),
    scriptBytes: of((r) => r.scriptBytes),
    monaco: runs.some((r) => r.monaco),
  };
}

async function startChromium(): Promise<{ port: number; proc: ChildProcess; close(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'goprep-lighthouse-'));
  const proc = spawn(
    findChromium('full'),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port: ${text}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('DevTools listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  return {
    port,
    proc,
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/** A learner with a quick quiz whose first unanswered item shows code (the runner opens there). */
async function quizWithCode(base: string, user: ApiSession): Promise<string> {
  for (let tries = 0; tries < 5; tries += 1) {
    const attempt = await user.ok<{ id: string; items: Array<ItemView & { position: number }> }>(
      'POST',
      '/api/attempts',
      {
        mode: 'quick',
        topics: ['memory-model', 'goroutine-leaks', 'channels', 'context', 'sync', 'scheduler'],
        count: 10,
        timeLimitMinutes: 60,
      },
    );
    const code = attempt.items.findIndex((i) => i.type === 'code-lines' || i.type === 'code-output');
    if (code < 0) continue;
    for (const [k, item] of attempt.items.slice(0, code).entries()) {
      await user.ok('PUT', `/api/attempts/${attempt.id}/items/${item.position}/answer`, {
        response: responseFor(item, k),
      });
    }
    return `/practice/attempts/${attempt.id}`;
  }
  throw new Error(`no quick quiz with a code item on ${base}`);
}

export async function runLighthouse(): Promise<LighthouseRow[]> {
  requireBuild();
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const { app } = await startBenchApp();
  const browser = await startChromium();
  try {
    const user = await ApiSession.register(app.url, `lighthouse-${Date.now()}@load.goprep.test`, API_USER_PASSWORD);
    await user.ok('POST', '/api/drills/deck', { topic: 'channels' });
    const quiz = await quizWithCode(app.url, user);
    const targets: Target[] = [
      { name: 'landing (signed out: / -> /login)', path: '/', lands: '/login', signedIn: false, perfTarget: 95 },
      { name: 'dashboard', path: '/', lands: '/', signedIn: true, perfTarget: 95 },
      { name: 'quiz item with code', path: quiz, lands: quiz, signedIn: true, perfTarget: 90 },
    ];

    const runsPerPage = Math.max(1, Number(process.env['LIGHTHOUSE_RUNS'] ?? 1) || 1);
    const rows: LighthouseRow[] = [];
    // Cookies go in (or out) through the DevTools protocol; Lighthouse then keeps storage as it is.
    // (Never closed: closing a CDP connection from Playwright would close the browser too.)
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${browser.port}`);
    const context = cdp.contexts()[0]!;
    for (const target of targets) {
      const runs: LighthouseRow[] = [];
      for (let run = 0; run < runsPerPage; run += 1) {
        await context.clearCookies();
        if (target.signedIn) await context.addCookies(user.cookies().map((c) => ({ ...c, url: app.url })));
        const result = await lighthouse(
          `${app.url}${target.path}`,
          {
            port: browser.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            disableStorageReset: true,
          },
          desktopConfig,
        );
        if (!result) throw new Error(`Lighthouse gave no result for ${target.name}`);
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${target.name}: ${lhr.runtimeError.message}`);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        const finalUrl = new URL(lhr.finalDisplayedUrl);
        if (finalUrl.pathname !== target.lands)
          throw new Error(`${target.name}: Lighthouse ended on ${finalUrl.pathname}, not ${target.lands}`);
        const requests =
          (
            lhr.audits['network-requests']?.details as
              { items?: Array<{ url: string; resourceType?: string; resourceSize?: number }> } | undefined
          )?.items ?? [];
        const scripts = requests.filter((r) => r.resourceType === 'Script');
        runs.push({
          page: target.name,
          performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories['accessibility']?.score ?? 0) * 100),
          lcpMs: audit('largest-contentful-paint'),
          cls: audit('cumulative-layout-shift'),
          tbtMs: audit('total-blocking-time'),
          fcpMs: audit('first-contentful-paint'),
          scriptBytes: scripts.reduce((sum, r) => sum + (r.resourceSize ?? 0), 0),
          monaco: requests.some((r) => MONACO_ASSET.test(r.url)),
        });
        const failing = Object.values(lhr.audits).filter(
          (a) => lhr.categories['accessibility']?.auditRefs.some((r) => r.id === a.id) && a.score === 0,
        );
        if (failing.length > 0)
          console.log(`  ${target.name}: accessibility audits failing: ${failing.map((a) => a.id).join(', ')}`);
      }
      if (runsPerPage > 1)
        console.log(
          `  ${target.name}: performance ${runs.map((r) => r.performance).join(', ')}; LCP ${runs.map((r) => (r.lcpMs / 1000).toFixed(2)).join(', ')} s; TBT ${runs.map((r) => Math.round(r.tbtMs)).join(', ')} ms`,
        );
      rows.push(medianRow(runs));
    }
    print(rows, targets, runsPerPage);
    return rows;
  } finally {
    try {
      await browser.close();
    } finally {
      await app.stop();
    }
  }
}

function print(rows: LighthouseRow[], targets: Target[], runsPerPage: number): void {
  const runs = runsPerPage === 1 ? 'one run per page' : `${runsPerPage} runs per page, medians`;
  console.log(
    `lighthouse ${'12'} desktop preset, ${runs}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
  console.log(
    table(
      rows.map((r, i) => ({
        page: r.page,
        performance: `${r.performance} (>= ${targets[i]!.perfTarget}: ${ok(r.performance >= targets[i]!.perfTarget)})`,
        accessibility: `${r.accessibility} (${ok(r.accessibility === 100)})`,
        LCP: `${(r.lcpMs / 1000).toFixed(2)} s (${ok(r.lcpMs <= 1500)})`,
        CLS: `${r.cls.toFixed(3)} (${ok(r.cls < 0.1)})`,
        TBT: `${Math.round(r.tbtMs)} ms`,
        FCP: `${(r.fcpMs / 1000).toFixed(2)} s`,
        JS: `${Math.round(r.scriptBytes / 1024)} KB${r.monaco ? ' (Monaco)' : ''}`,
      })),
    ),
  );
}

if (require.main === module) {
  runLighthouse().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
