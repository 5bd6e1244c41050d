/**
 * Bytes on the wire for a candidate's first code question (issue 16.12): a fresh browser (empty
 * cache) opens an invite link, starts the assessment whose first item is a code-lines question,
 * and waits until the code viewer is ready and the network is quiet. Measured twice on the same
 * build: once with the browser asking for no compression (`Accept-Encoding: identity`, what every
 * client got before the server compressed anything) and once as Chromium asks by default.
 *
 *   npm run bench -- wire          (needs the build: npx nx run-many -t build -p api web)
 */
import type { CDPSession, Page } from 'playwright-core';
import { closeChromium, launchBrowser } from '../web-e2e/src/support/chromium';
import { ApiSession } from '../support/api-session';
import { API_USER_PASSWORD } from './lib/api';
import { fmt, requireBuild, startBenchApp, table } from './lib/common';

interface Transfer {
  mode: string;
  /** Bytes received per resource type (headers + body as sent, i.e. after compression). */
  byType: Map<string, number>;
  total: number;
  requests: number;
  encodings: Map<string, number>;
}

async function candidateLink(api: ApiSession, orgId: string, setId: string, n: number): Promise<string> {
  const res = await api.ok<{ invites: Array<{ link: string }> }>('POST', `/api/orgs/${orgId}/sets/${setId}/invites`, {
    invitees: [{ name: `Wire ${n}`, email: `wire-${Date.now()}-${n}@load.goprep.test` }],
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return res.invites[0]!.link;
}

/** Opens the link in a fresh browser, starts, and sums what the network layer received. */
async function measure(link: string, mode: 'identity' | 'default'): Promise<Transfer> {
  const browser = await launchBrowser();
  try {
    const page: Page = await browser.context.newPage();
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (mode === 'identity') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    const types = new Map<string, string>();
    const encodings = new Map<string, number>();
    const byType = new Map<string, number>();
    let total = 0;
    let requests = 0;
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const encoding = headers['content-encoding'] ?? 'none';
      encodings.set(encoding, (encodings.get(encoding) ?? 0) + 1);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) ?? 'Other';
      byType.set(type, (byType.get(type) ?? 0) + e.encodedDataLength);
      total += e.encodedDataLength;
      requests += 1;
    });
    const url = new URL(link);
    await page.goto(`${url.pathname}${url.hash}`, { waitUntil: 'networkidle' });
    await page.getByTestId('start-test').click();
    await page.locator('[data-testid="code-viewer"][data-ready="true"]').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // Let the worker and the last answers land.
    await page.waitForTimeout(500);
    return { mode, byType, total, requests, encodings };
  } finally {
    await browser.close();
    // launchBrowser's contexts share one Chromium per process: stop it with the bench.
    await closeChromium();
  }
}

export async function runWire(): Promise<Transfer[]> {
  requireBuild();
  const { app } = await startBenchApp();
  process.env['E2E_BASE_URL'] = app.url;
  try {
    const manager = await ApiSession.register(app.url, `wire-bench-${Date.now()}@load.goprep.test`, API_USER_PASSWORD);
    const orgId = (await manager.ok<{ id: string }>('POST', '/api/orgs', { name: 'Wire bench' })).id;
    const code = await manager.ok<{ items: Array<{ id: string }> }>('GET', '/api/questions?type=code-lines&pageSize=1');
    const singles = await manager.ok<{ items: Array<{ id: string }> }>('GET', '/api/questions?type=single&pageSize=2');
    const questionIds = [...code.items, ...singles.items].map((q) => q.id);
    if (questionIds.length < 3) throw new Error('the bank has too few code-lines/single questions');
    const setId = (await manager.ok<{ id: string }>('POST', `/api/orgs/${orgId}/sets`, { title: 'Wire bench' })).id;
    await manager.ok('PUT', `/api/orgs/${orgId}/sets/${setId}/draft`, {
      title: 'Wire bench',
      instructions: 'Three questions, the first shows a program.',
      timeLimitSeconds: 1200,
      shuffleOptions: false,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: 'correctness',
      items: questionIds.map((questionId) => ({ kind: 'fixed', questionId, points: 1 })),
    });
    await manager.ok('POST', `/api/orgs/${orgId}/sets/${setId}/publish`);

    const results: Transfer[] = [];
    for (const [i, mode] of (['identity', 'default'] as const).entries()) {
      results.push(await measure(await candidateLink(manager, orgId, setId, i), mode));
    }
    print(results);
    return results;
  } finally {
    await app.stop();
  }
}

function print(results: Transfer[]): void {
  console.log("wire: bytes received for a candidate's first code question (cold cache: invite page, start, code viewer ready)");
  const types = [...new Set(results.flatMap((r) => [...r.byType.keys()]))].sort();
  console.log(
    table(
      results.map((r) => ({
        'Accept-Encoding': r.mode === 'identity' ? 'identity (before)' : 'Chromium default (after)',
        total: fmt.kb(r.total),
        requests: r.requests,
        ...Object.fromEntries(types.map((t) => [t, fmt.kb(r.byType.get(t) ?? 0)])),
        'content-encodings': [...r.encodings].map(([k, v]) => `${k}:${v}`).join(' '),
      })),
    ),
  );
  const [before, after] = results;
  if (before && after) console.log(`saved ${fmt.kb(before.total - after.total)} (${((1 - after.total / before.total) * 100).toFixed(0)}%)`);
}

if (require.main === module) {
  runWire().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
