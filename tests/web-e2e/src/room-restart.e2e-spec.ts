import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, startApp, type RunningApp } from '@goprep/test-support';
import { openPeerRoom } from './pages/peer-room';
import { RoomPage } from './pages/room-page';
import { screenshot } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

/**
 * Issue 18, "a reconnect after the API process is restarted mid-session", in two Chromium
 * profiles: this spec runs its own app (same port, same data folder and Postgres cluster across
 * the restart) so it can stop and start it while both browsers stay on the room page.
 */
describe('a live room across an API restart: nothing typed is lost and both sides reconnect by themselves', () => {
  let app: RunningApp | undefined;
  let dataDir = '';
  let env: Record<string, string> = {};
  let browserA: Browser;
  let browserB: Browser;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'goprep-room-restart-'));
    env = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
    app = await startApp({ dataDir, env });
    browserA = await launchBrowser({ baseURL: app.url, viewport: { width: 1366, height: 900 } });
    browserB = await launchBrowser({ baseURL: app.url, viewport: { width: 1366, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browserA?.close();
    await browserB?.close();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('should keep both editors and reconnect them into the same document after the API process restarts', async () => {
    pageA = await browserA.context.newPage();
    pageB = await browserB.context.newPage();
    const { first: a, second: b } = await openPeerRoom(pageA, pageB, ['Rita Restart', 'Sam Survivor'], 'Restart round');
    await a.typeAtEnd('// before the restart, from Rita');
    await b.waitForText('// before the restart, from Rita');
    await b.typeAtEnd('// before the restart, from Sam');
    await a.waitForText('// before the restart, from Sam');
    // Hocuspocus stores an update as it arrives; a clean stop also waits for pending appends.

    await app!.stop();
    app = undefined;
    for (const page of [pageA, pageB]) {
      await page.waitForFunction(() => document.querySelector('[data-testid="room-connection"]')?.getAttribute('data-status') !== 'connected', undefined, { timeout: 30_000 });
    }
    // Past a poll of the room (every 5 s), while the API is down: the pages keep the workspace and the text.
    await pageA.waitForTimeout(6_000);
    for (const room of [a, b]) {
      expect(await room.root.count()).toBe(1);
      const text = await room.editorText();
      expect(text).toContain('// before the restart, from Rita');
      expect(text).toContain('// before the restart, from Sam');
    }
    await screenshot(pageA, 'room-restart-down-1366');

    app = await startApp({ dataDir, env });
    // The providers reconnect by themselves (backoff), no reload.
    for (const page of [pageA, pageB]) {
      await page.waitForFunction(() => document.querySelector('[data-testid="room-connection"]')?.getAttribute('data-status') === 'connected', undefined, { timeout: 90_000 });
    }
    await a.typeAtEnd('// after the restart, from Rita');
    await b.waitForText('// after the restart, from Rita', 20_000);
    await b.typeAtEnd('// after the restart, from Sam');
    await a.waitForText('// after the restart, from Sam', 20_000);
    for (const room of [a, b]) {
      const text = await room.editorText();
      // Once each: the document reloaded from Postgres merged with what the browser held, no duplicates.
      expect(text.split('// before the restart, from Rita').length - 1).toBe(1);
      expect(text.split('// before the restart, from Sam').length - 1).toBe(1);
    }
    // A fresh load reads the same document back from the restarted server.
    const reloaded = await browserB.context.newPage();
    await reloaded.goto(new URL(pageB.url()).pathname);
    const fresh = new RoomPage(reloaded);
    await fresh.waitForEditor();
    await fresh.waitForText('// after the restart, from Sam');
    expect(await fresh.editorText()).toContain('// before the restart, from Rita');
    await reloaded.close();
    await screenshot(pageB, 'room-restart-after-1366');
  }, 300_000);
});
