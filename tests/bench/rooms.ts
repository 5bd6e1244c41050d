/**
 * Live-room latency (issue 18: "see each other's edits within 200 ms p95"): an interviewer and a
 * guest candidate in two Chromium profiles share one room of the built app; the interviewer's
 * editor takes N edits (one key each), one at a time, and each edit's latency is the time from
 * the keydown in the interviewer's page to the moment the candidate's Monaco shows it (a
 * MutationObserver on the rendered lines). Both pages stamp with performance.timeOrigin + now(),
 * the same system clock.
 * The baseline, in the same run and room: two Node providers (@hocuspocus/provider over `ws`),
 * from the insert in one Y.Doc to the update arriving in the other. Then the same on two API
 * instances sharing one Postgres and a real redis-server (REDIS_URL), one member on each.
 *
 *   npm run bench -- rooms     (needs the build: npx nx run-many -t build -p api web; BENCH_ROOM_EDITS=80 edits)
 */
import type * as ProviderModule from '@hocuspocus/provider' with { 'resolution-mode': 'import' };
import type * as YjsModule from 'yjs' with { 'resolution-mode': 'import' };
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
// The e2e suite's browser launcher and page objects (same Chromium, same flags, same flows).
import { launchBrowser, type Browser } from '../web-e2e/src/support/chromium';
import { HiringApi } from '../web-e2e/src/pages/hiring-api';
import { RegisterPage } from '../web-e2e/src/pages/register-page';
import { RoomPage } from '../web-e2e/src/pages/room-page';
import { startApp, type RunningApp } from '../support/app-process';
import { startRedis } from '../support/redis-server';
import { percentile } from '../support/percentile';
import { fmt, requireBuild, table } from './lib/common';

const Y = require('yjs') as typeof YjsModule;
const { HocuspocusProvider, HocuspocusProviderWebsocket } = require('@hocuspocus/provider') as typeof ProviderModule;

/** Pause between two edits: a brisk typist, well inside the per-connection message budget. */
const GAP_MS = 40;
const TARGET_P95_MS = 200;

export interface RoomLatency {
  edits: number;
  /** One instance. */
  browser: number[];
  node: number[];
  /** Two instances sharing a Redis, the two members on different ones. */
  twoInstances: { browser: number[]; node: number[] };
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** In the candidate's page: stamps the first time the rendered editor lines contain `window.__want`. */
const WATCH = `(() => {
  const lines = document.querySelector('[data-testid="room-editor"] .view-lines');
  const w = window;
  w.__seen = undefined;
  w.__want = undefined;
  const check = () => {
    if (w.__want && w.__seen === undefined && lines.textContent.includes(w.__want)) w.__seen = performance.timeOrigin + performance.now();
  };
  new MutationObserver(check).observe(lines, { childList: true, subtree: true, characterData: true });
  w.__check = check;
})()`;

/**
 * In the interviewer's page: stamps the keydown of each edit (Monaco takes text through the
 * EditContext API in this Chromium, so there is no input event on a text area to listen to).
 */
const STAMP = `(() => {
  const w = window;
  w.__sent = undefined;
  document.addEventListener('keydown', () => {
    if (w.__sent === undefined) w.__sent = performance.timeOrigin + performance.now();
  }, true);
})()`;

async function browserRoom(browsers: Browser[]): Promise<{ roomId: string; ipage: Page; cpage: Page }> {
  const [ib, cb] = browsers as [Browser, Browser];
  const ipage = await ib.context.newPage();
  await RegisterPage.signUp(ipage, { displayName: 'Bench Interviewer', email: `bench-room-${Date.now().toString(36)}@example.test`, password: 'bench a live room' });
  await new HiringApi(ipage).createOrg('Room bench');
  await ipage.goto('/rooms');
  await ipage.getByLabel('Kind of room').selectOption('manager');
  await ipage.getByLabel('Role').selectOption('backend');
  await ipage.getByLabel('Level').selectOption('senior');
  await ipage.getByTestId('create-room').click();
  await ipage.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
  const roomId = new URL(ipage.url()).pathname.split('/').at(-1)!;
  await new RoomPage(ipage).waitForEditor();
  const link = await ipage.getByTestId('candidate-link').inputValue();

  const cpage = await cb.context.newPage();
  // The candidate's browser may be pointed at another instance: keep the link's path only.
  await cpage.goto(new URL(link).pathname);
  await cpage.getByTestId('join-name').fill('Bench Candidate');
  await cpage.getByTestId('join-room').click();
  await cpage.waitForURL(new RegExp(`/rooms/${roomId}$`));
  await new RoomPage(cpage).waitForEditor();
  return { roomId, ipage, cpage };
}

async function measureBrowsers(ipage: Page, cpage: Page, edits: number): Promise<number[]> {
  await ipage.evaluate(STAMP);
  await cpage.evaluate(WATCH);
  // One line of tokens at the end of the file: the candidate's viewport shows it without scrolling.
  await new RoomPage(ipage).typeAtEnd('//');
  await new RoomPage(cpage).waitForText('//');
  const out: number[] = [];
  // Each edit is one key (one Monaco edit, one Yjs update) at the end of a comment line; the
  // candidate waits for the line as it is after that key.
  let line = '//';
  for (let i = 0; i < edits; i += 1) {
    const key = 'abcdefghijklmnopqrstuvwxyz'[i % 26]!;
    line += key;
    await cpage.evaluate((t) => {
      const w = window as unknown as { __want?: string; __seen?: number };
      w.__want = t;
      w.__seen = undefined;
    }, line);
    await ipage.evaluate(() => ((window as unknown as { __sent?: number }).__sent = undefined));
    await ipage.keyboard.press(key);
    const sent = await ipage.evaluate(() => (window as unknown as { __sent?: number }).__sent);
    if (sent === undefined) throw new Error('the interviewer page saw no keydown for an edit');
    const handle = await cpage.waitForFunction(() => (window as unknown as { __seen?: number }).__seen, undefined, { timeout: 10_000, polling: 10 });
    const seen = (await handle.jsonValue()) as number;
    out.push(seen - sent);
    await wait(GAP_MS);
  }
  return out;
}

interface NodeClient {
  doc: YjsModule.Doc;
  close(): void;
}

async function nodeClient(baseUrl: string, roomId: string, cookie: string): Promise<NodeClient> {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `${baseUrl.replace(/^http/, 'ws')}/api/rooms/ws`, WebSocketPolyfill: CookieSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `room:${roomId}`, token: 'cookie', document: doc });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('node provider: no sync within 10 s')), 10_000);
    provider.on('synced', () => (clearTimeout(timer), resolve()));
    provider.on('authenticationFailed', () => (clearTimeout(timer), reject(new Error('node provider: authentication failed'))));
    provider.attach();
  });
  return {
    doc,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

async function measureNode(urls: [string, string], roomId: string, cookie: string, edits: number): Promise<number[]> {
  const [a, b] = await Promise.all([nodeClient(urls[0], roomId, cookie), nodeClient(urls[1], roomId, cookie)]);
  try {
    const files = (c: NodeClient) => c.doc.getMap<YjsModule.Text>('files');
    const name = [...files(a).keys()][0] ?? 'main.go';
    const out: number[] = [];
    for (let i = 0; i < edits; i += 1) {
      const token = ` n${i}z`;
      const arrived = new Promise<number>((resolve) => {
        const onUpdate = () => {
          if (!files(b).get(name)?.toString().includes(token)) return;
          b.doc.off('update', onUpdate);
          resolve(performance.now());
        };
        b.doc.on('update', onUpdate);
      });
      const text = files(a).get(name)!;
      const sent = performance.now();
      text.insert(text.length, token);
      out.push((await arrived) - sent);
      await wait(GAP_MS);
    }
    return out;
  } finally {
    a.close();
    b.close();
  }
}

/** Browsers (interviewer on the first URL, candidate on the second) and then Node providers, in one new room. */
async function measure(urls: [string, string], edits: number): Promise<{ browser: number[]; node: number[] }> {
  const browsers: Browser[] = [];
  try {
    for (const url of urls) browsers.push(await launchBrowser({ baseURL: url, viewport: { width: 1366, height: 900 } }));
    const { roomId, ipage, cpage } = await browserRoom(browsers);
    const browser = await measureBrowsers(ipage, cpage, edits);
    const cookie = (await ipage.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const node = await measureNode(urls, roomId, cookie, edits);
    return { browser, node };
  } finally {
    for (const b of browsers) await b.close();
  }
}

export async function runRooms(): Promise<RoomLatency> {
  requireBuild();
  const edits = Number(process.env['BENCH_ROOM_EDITS'] ?? 80);
  if (!Number.isInteger(edits) || edits < 1) throw new Error('BENCH_ROOM_EDITS must be a positive whole number');
  const loadBefore = loadavg()[0]!;

  const single = await startApp();
  let one: { browser: number[]; node: number[] };
  try {
    one = await measure([single.url, single.url], edits);
  } finally {
    await single.stop();
  }

  // Two instances on one Postgres and a real redis-server; the members on different instances.
  const redis = await startRedis();
  const apps: RunningApp[] = [];
  let two: { browser: number[]; node: number[] };
  try {
    apps.push(await startApp({ env: { REDIS_URL: redis.url } }));
    apps.push(await startApp({ env: { REDIS_URL: redis.url, DATABASE_URL: apps[0]!.databaseUrl } }));
    two = await measure([apps[0]!.url, apps[1]!.url], edits);
  } finally {
    for (const app of apps.reverse()) await app.stop();
    await redis.stop();
  }

  const rows = [
    { instances: 'one', clients: 'two Chromium pages (Monaco, y-monaco)', ...fmtStats(stats(one.browser)) },
    { instances: 'one', clients: 'two Node providers (baseline)', ...fmtStats(stats(one.node)) },
    { instances: 'two + Redis', clients: 'two Chromium pages, one on each', ...fmtStats(stats(two.browser)) },
    { instances: 'two + Redis', clients: 'two Node providers, one on each', ...fmtStats(stats(two.node)) },
  ];
  console.log(`rooms: ${edits} edits per row, one key at a time (${GAP_MS} ms apart), load average ${loadBefore.toFixed(1)} before / ${loadavg()[0]!.toFixed(1)} after`);
  console.log(table(rows));
  for (const [label, r] of [['one instance', one], ['two instances + Redis', two]] as const) {
    const p95 = stats(r.browser).p95;
    console.log(`${label}: browser p95 ${fmt.ms(p95)} (target ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'ok' : 'MISSED'}); browser/Node p95 ratio ${(p95 / Math.max(0.001, stats(r.node).p95)).toFixed(1)}`);
  }
  return { edits, browser: one.browser, node: one.node, twoInstances: two };
}

function fmtStats(s: Stats): Record<string, string> {
  return { p50: fmt.ms(s.p50), p95: fmt.ms(s.p95), max: fmt.ms(s.max) };
}
