import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '@goprep/test-support';
import { openPeerRoom } from './pages/peer-room';
import { RoomPage } from './pages/room-page';
import { screenshot } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';

const NOTE = 'peer-note-marker-5b1e: forgot the select default case';
/** Field names only answer keys and review data have (as the API suite's key-material walk). */
const KEY_FIELDS = ['key', 'answerKey', 'explanation', 'rubric', 'correct', 'solution', 'hiddenTests', 'accepted', 'lines', 'outputs'];

function keyFieldsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keyFieldsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...(KEY_FIELDS.includes(k) ? [k] : []), ...keyFieldsIn(v)]);
  return [];
}

/** Everything a page receives from the API (REST bodies and WebSocket frames) while `on` is set. */
function recordTraffic(page: Page): { on: boolean; rest: string[]; frames: string[]; settle(): Promise<void> } {
  const pending: Array<Promise<unknown>> = [];
  const rec = {
    on: false,
    rest: [] as string[],
    frames: [] as string[],
    settle: () => Promise.all(pending).then(() => undefined),
  };
  page.on('response', (res) => {
    if (!rec.on || !new URL(res.url()).pathname.startsWith('/api/')) return;
    pending.push(
      res.text().then(
        (t) => rec.rest.push(t),
        () => undefined,
      ),
    );
  });
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => {
      if (rec.on) rec.frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'));
    }),
  );
  return rec;
}

/**
 * Issue 18: "a peer practice room works the same between two learners with the role swap". Two
 * learners in two Chromium profiles type in one editor, swap roles half way, and the interviewer
 * panel moves with the role: checked in the DOM and on the wire (no key, explanation or note
 * reaches the side that is now the candidate). Then the room's outcome: the scorecard marks a
 * question as struggled with, the learner drills it in one click and finds the feedback in their
 * history.
 */
describe('a peer practice room: two learners, the role swap, and what the room leaves behind', () => {
  let app: RunningApp;
  let browserA: Browser;
  let browserB: Browser;
  let pageA: Page;
  let pageB: Page;
  let a: RoomPage;
  let b: RoomPage;
  let roomId = '';
  let trafficA: ReturnType<typeof recordTraffic>;
  let pushed = { id: '', title: '' };

  beforeAll(async () => {
    app = await startApp();
    browserA = await launchBrowser({ baseURL: app.url, viewport: { width: 1366, height: 900 } });
    browserB = await launchBrowser({ baseURL: app.url, viewport: { width: 1366, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browserA?.close();
    await browserB?.close();
    await app?.stop();
  }, 60_000);

  it('should put two learners in one editor, the creator with the panel and the peer without it', async () => {
    pageA = await browserA.context.newPage();
    pageB = await browserB.context.newPage();
    trafficA = recordTraffic(pageA);
    ({ roomId, first: a, second: b } = await openPeerRoom(pageA, pageB, ['Ada Peer', 'Ben Peer'], 'Peer swap round'));
    expect(await a.root.getAttribute('data-my-role')).toBe('interviewer');
    expect(await b.root.getAttribute('data-my-role')).toBe('candidate');
    await a.panel.waitFor();
    expect(await b.panel.count()).toBe(0);

    await a.typeAtEnd('// Ada asks: why does this goroutine leak?');
    await b.waitForText('// Ada asks: why does this goroutine leak?');
    await b.typeAtEnd('// Ben: nobody receives from the channel');
    await a.waitForText('// Ben: nobody receives from the channel');
  });

  it('should swap roles half way: the panel moves to the other learner and nothing secret reaches the new candidate', async () => {
    const panelOfB = pageB.waitForResponse((r) => /\/api\/rooms\/[0-9a-f-]+\/panel/.test(r.url()) && r.status() === 200, { timeout: 30_000 });
    await pageA.getByTestId('swap-roles').click();
    await pageA.locator('[data-testid="room"][data-my-role="candidate"]').waitFor();
    // The peer's page learns its new role by itself (the room is polled; the sockets reconnect).
    await pageB.locator('[data-testid="room"][data-my-role="interviewer"]').waitFor({ timeout: 20_000 });
    await b.panel.waitFor();
    expect(await a.panel.count()).toBe(0);
    expect(await pageA.locator('[data-testid="panel-key"]').count()).toBe(0);
    await a.waitForEditor();
    await b.waitForEditor();

    // From here on, everything the new candidate's browser receives is recorded.
    await pageA.waitForTimeout(1_000);
    trafficA.on = true;

    const panel = (await (await panelOfB).json()) as { items: Array<{ id: string; title: string; type: string; explanation: string }> };
    // A question whose explanation has a plain run of words to look for on the wire.
    const pick = panel.items
      .filter((q) => q.type !== 'code-task')
      .map((q) => ({ q, phrase: /[A-Za-z][A-Za-z ,.]{35}/.exec(q.explanation)?.[0] }))
      .find((x) => x.phrase !== undefined);
    expect(pick).toBeDefined();
    const { q, phrase } = pick as { q: { id: string; title: string }; phrase: string };
    pushed = { id: q.id, title: q.title };

    await b.panel.getByLabel('Search').fill(q.title);
    const item = b.panel.locator(`[data-question-id="${q.id}"]`);
    await item.getByRole('button', { name: q.title }).click();
    await item.getByTestId('panel-key').waitFor();
    expect(await item.innerText()).toContain(phrase);
    await item.getByTestId('push-question').click();
    await pageA.locator('.room__prompt').getByText(q.title).first().waitFor();

    await pageB.getByRole('tab', { name: 'Notes' }).click();
    await pageB.getByTestId('note-input').fill(NOTE);
    await pageB.getByTestId('add-note').click();
    await pageB.getByTestId('room-notes').getByText(NOTE).waitFor();

    // Both still type into one document after the swap.
    await b.typeAtEnd('// Ben now asks: and how would you stop it?');
    await a.waitForText('// Ben now asks: and how would you stop it?');
    await a.typeAtEnd('// Ada: close done and select on it');
    await b.waitForText('// Ada: close done and select on it');

    await pageA.waitForTimeout(5_500);
    trafficA.on = false;
    await trafficA.settle();
    // The recording saw the push arrive (so the checks below could have failed).
    expect(trafficA.frames.some((f) => f.includes(q.title))).toBe(true);
    expect(trafficA.rest.length).toBeGreaterThan(0);
    for (const body of [...trafficA.rest, ...trafficA.frames]) {
      expect(body.includes(phrase)).toBe(false);
      expect(body.includes(NOTE)).toBe(false);
    }
    for (const body of trafficA.rest) expect(keyFieldsIn(body ? (JSON.parse(body) as unknown) : null)).toEqual([]);
    const dom = await pageA.content();
    expect(dom.includes(phrase)).toBe(false);
    expect(dom.includes(NOTE)).toBe(false);
    await screenshot(pageA, 'room-peer-after-swap-candidate-1366');
    await screenshot(pageB, 'room-peer-after-swap-interviewer-1366');
  });

  it('should score the round with a struggled mark; the learner drills that question in one click and finds the feedback in their history', async () => {
    pageB.once('dialog', (dialog) => void dialog.accept());
    await pageB.getByTestId('end-room').click();
    await pageB.getByRole('link', { name: 'Fill in the scorecard' }).click();
    const form = pageB.getByTestId('scorecard-form');
    await form.waitFor();
    await form.locator(`[data-competency="concurrency"] input[value="2"]`).check();
    await form.locator(`[data-question-id="${pushed.id}"]`).getByLabel('Struggled').check();
    await form.getByLabel('Strengths').fill('Found the blocked send without a hint.');
    await form.getByLabel('Next steps').fill('Practise cancellation with context.');
    await screenshot(pageB, 'room-peer-scorecard-form-1366');
    await pageB.getByTestId('save-scorecard').click();
    await pageB.getByTestId('scorecard-view').waitFor();

    await pageA.goto(`/rooms/${roomId}/scorecard`);
    const view = pageA.getByTestId('scorecard-view');
    await view.waitFor();
    await view.locator(`[data-question-id="${pushed.id}"]`).getByTestId('struggled-mark').waitFor();
    await pageA.getByTestId('drill-struggled').click();
    await pageA.getByTestId('drill-struggled-status').getByText('1 card added to your drills').waitFor();
    expect(await pageA.getByTestId('drill-struggled').isDisabled()).toBe(true);
    await screenshot(pageA, 'room-peer-scorecard-learner-1366');

    // The card is in the learner's deck.
    await pageA.goto('/drills');
    await pageA.getByText(pushed.title).first().waitFor();

    await pageA.goto('/practice/attempts');
    const history = pageA.getByTestId('peer-room-history');
    const entry = history.locator(`[data-room-id="${roomId}"]`);
    await entry.waitFor();
    expect(await entry.getByTestId('history-strengths').innerText()).toBe('Found the blocked send without a hint.');
    expect(await entry.getByTestId('history-next-steps').innerText()).toBe('Practise cancellation with context.');
    await screenshot(pageA, 'room-peer-history-1366');
    await pageA.setViewportSize({ width: 375, height: 800 });
    await entry.waitFor();
    expect(await pageA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(pageA, 'room-peer-history-375');
    await pageA.goto(`/rooms/${roomId}/scorecard`);
    await pageA.getByTestId('scorecard-view').waitFor();
    expect(await pageA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(pageA, 'room-peer-scorecard-learner-375');
    await pageA.getByTestId('language-switcher').selectOption('zh-CN');
    await pageA.getByText('没答好').first().waitFor();
    await screenshot(pageA, 'room-peer-scorecard-learner-375-zh');
    await pageA.goto('/practice/attempts');
    await pageA.getByText('结对练习房间').waitFor();
    await screenshot(pageA, 'room-peer-history-375-zh');
  });
});
