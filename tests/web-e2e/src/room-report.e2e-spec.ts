import type { Page } from 'playwright-core';
import { HiringApi } from './pages/hiring-api';
import { screenshot, uniqueEmail } from './support/artifacts';
import { launchBrowser, type Browser } from './support/chromium';
import { RegisterPage } from './pages/register-page';
import { asCandidate, managerWithOrg } from './support/hiring-setup';

const COMMENT = 'Talked through the race before writing any code.';

/**
 * Issue 18: a manager room held for a candidate's invite shows its scorecard in that candidate's
 * report, next to the assessment results: ratings, the recommendation, the manager's comments,
 * the questions marked as struggled with, and the way to the replay.
 */
describe("a live round's scorecard in the candidate report", () => {
  let managerBrowser: Browser;
  let guestBrowser: Browser;
  let guest: Page;
  let manager: Page;
  let api: HiringApi;
  let orgId = '';
  let setId = '';
  let roomId = '';
  let questionTitle = '';

  beforeAll(async () => {
    ({ browser: managerBrowser, page: manager, api, orgId } = await managerWithOrg({
      displayName: 'Rhea Rounds',
      emailPrefix: 'room-report',
      password: 'live rounds in reports',
      orgName: 'Round Reports',
      viewport: { width: 1366, height: 900 },
    }));
    const [questionId] = await api.bankQuestions('single', 1);
    setId = await api.publishedSet(orgId, { title: 'Round screen', instructions: 'One question.', timeLimitSeconds: 900, reviewPolicy: 'score', questionIds: [questionId!] });
    const [invite] = await api.invite(orgId, setId, [{ name: 'Cleo Candidate', email: uniqueEmail('cleo') }], new Date(Date.now() + 86_400_000));

    await asCandidate(invite!.link, (candidate) => candidate.submitFirstOptions(1));

    // The live round for that invite: a question pushed, scored with a struggled mark.
    const room = await api.send('POST', '/api/rooms', { kind: 'manager', title: 'Cleo live round', role: 'backend', level: 'senior', inviteId: invite!.id });
    roomId = room['id'] as string;
    // The candidate joins the round as a guest, by the link.
    guestBrowser = await launchBrowser();
    guest = await guestBrowser.context.newPage();
    await guest.goto((room['joinLinks'] as { candidate: string }).candidate);
    await guest.getByTestId('join-name').fill('Cleo Candidate');
    await guest.getByTestId('join-room').click();
    await guest.waitForURL(new RegExp(`/rooms/${roomId}$`));
    const pushed = await api.send('POST', `/api/rooms/${roomId}/push`, { questionId: questionId! });
    questionTitle = (pushed['asked'] as { title: string }).title;
    await api.send('PUT', `/api/rooms/${roomId}/scorecard`, { ratings: { concurrency: 3, language: 2 }, recommendation: 'hire', comments: COMMENT, struggled: [questionId!] });
    await api.send('POST', `/api/rooms/${roomId}/end`);
  }, 180_000);

  afterAll(async () => {
    await managerBrowser?.close();
    await guestBrowser?.close();
  });

  it('should show the round beside the assessment results, with the struggled mark and the replay link', async () => {
    const results = await api.get<{ rows: Array<{ attemptId: string | null }> }>(`/api/orgs/${orgId}/sets/${setId}/results`);
    const attemptId = results.rows.find((r) => r.attemptId)?.attemptId;
    expect(attemptId).toBeTruthy();
    await manager.goto(`/hiring/orgs/${orgId}/sets/${setId}/results/${attemptId}`);
    await manager.getByTestId('candidate-report').waitFor();
    const rounds = manager.getByTestId('report-rooms');
    const round = rounds.locator(`[data-room-id="${roomId}"]`);
    await round.waitFor();
    expect(await round.innerText()).toContain('Cleo live round');
    expect(await round.innerText()).toContain('by Rhea Rounds');
    expect(await round.getByTestId('scorecard-recommendation').innerText()).toBe('Hire');
    expect(await round.locator('[data-competency="concurrency"] dd').innerText()).toContain('3 / 4');
    expect(await round.innerText()).toContain(COMMENT);
    await round.getByText(questionTitle).waitFor();
    await round.getByTestId('struggled-mark').waitFor();
    expect(await round.getByRole('link', { name: 'Replay' }).getAttribute('href')).toBe(`/rooms/${roomId}/replay`);
    await screenshot(manager, 'room-report-1366');

    await round.getByRole('link', { name: 'Replay' }).click();
    await manager.getByTestId('replay-code').waitFor();
    // The interviewer holds a seat: the replay leads on to the scorecard page.
    await manager.getByTestId('replay').getByRole('link', { name: 'Scorecard' }).waitFor();

    await manager.setViewportSize({ width: 375, height: 800 });
    await manager.goto(`/hiring/orgs/${orgId}/sets/${setId}/results/${attemptId}`);
    await manager.getByTestId('report-rooms').waitFor();
    expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(manager, 'room-report-375');
    await manager.getByTestId('language-switcher').selectOption('zh-CN');
    await manager.getByTestId('report-rooms').getByText('现场面试').waitFor();
    await screenshot(manager, 'room-report-375-zh');
  });

  it("should not lead the candidate to the round's scorecard, nor show it to them", async () => {
    await guest.reload();
    await guest.getByTestId('room-ended').waitFor();
    expect(await guest.getByRole('link', { name: 'Replay' }).count()).toBe(1);
    expect(await guest.getByRole('link', { name: 'Scorecard' }).count()).toBe(0);
    await guest.goto(`/rooms/${roomId}/scorecard`);
    await guest.getByText("This round's scorecard stays with the hiring team.").waitFor();
    expect(await guest.content()).not.toContain(COMMENT);
  });

  it("should open the round's replay from the report for another manager of the organization, who did not run it", async () => {
    const email = uniqueEmail('colleague');
    const { token } = (await api.send('POST', `/api/orgs/${orgId}/invites`, { email })) as { token: string };
    const colleagueBrowser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    try {
      const colleague = await colleagueBrowser.context.newPage();
      await RegisterPage.signUp(colleague, { displayName: 'Cora Colleague', email, password: 'reviewing rounds later' });
      await new HiringApi(colleague).send('POST', '/api/org-invites/accept', { token });
      const results = await api.get<{ rows: Array<{ attemptId: string | null }> }>(`/api/orgs/${orgId}/sets/${setId}/results`);
      const attemptId = results.rows.find((r) => r.attemptId)?.attemptId;
      await colleague.goto(`/hiring/orgs/${orgId}/sets/${setId}/results/${attemptId}`);
      const round = colleague.getByTestId('report-rooms').locator(`[data-room-id="${roomId}"]`);
      await round.waitFor();
      const roomAnswered = colleague.waitForResponse((r) => new URL(r.url()).pathname === `/api/rooms/${roomId}`);
      await round.getByRole('link', { name: 'Replay' }).click();
      // The replay opens (it answered "no such room" to anyone not seated in it before).
      await colleague.getByTestId('replay-code').waitFor();
      expect(await colleague.getByTestId('replay').innerText()).not.toContain('No such room');
      // The scorecard page needs a seat; the card is in the report, so the replay offers no dead link.
      expect((await roomAnswered).status()).toBe(404);
      expect(await colleague.getByTestId('replay').getByRole('link', { name: 'Scorecard' }).count()).toBe(0);
    } finally {
      await colleagueBrowser.close();
    }
  });
});
