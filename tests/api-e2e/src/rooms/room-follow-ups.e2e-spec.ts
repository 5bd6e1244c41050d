import { defaultTranslationsDir, loadBank, loadTranslations } from '@goprep/question-bank';
import { findKeyMaterial } from '../support/key-material';
import { docStrings, guest, openDoc, registeredUser, until, type DocClient, type RoomCaller } from '../support/room-clients';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Suggested follow-ups (issue 18): loaded with the bank (the real bank files and their zh-CN
 * translations), shown in the interviewer's private panel in the interviewer's content language,
 * and never sent to the candidate, over REST or the shared document.
 */
const TASK_ID = 'sync-waitgroup-add-task';

describe("rooms: the interviewer's panel shows the bank's follow-ups, the candidate never gets them", () => {
  let t: TestApp;
  let interviewer: RoomCaller;
  let candidate: ReturnType<typeof guest>;
  let roomId: string;
  let english: string[];
  let chinese: string[];
  const clients: DocClient[] = [];

  const panelItem = async (): Promise<{ id: string; followUps?: string[] } | undefined> => {
    const panel = await interviewer.call('GET', `/api/rooms/${roomId}/panel?topic=sync`);
    expect(panel.status).toBe(200);
    return (panel.body.items as Array<{ id: string; followUps?: string[] }>).find((q) => q.id === TASK_ID);
  };

  beforeAll(async () => {
    t = await createTestApp();
    // What the bank files say, read independently of the API's loader.
    const bank = loadBank(t.config.bankDir);
    const question = bank.questions.find((q) => q.id === TASK_ID);
    const translation = loadTranslations(defaultTranslationsDir(t.config.bankDir), bank.questions).translations.find((tr) => tr.id === TASK_ID);
    english = question?.followUps ?? [];
    chinese = translation?.status === 'fresh' ? (translation.followUps ?? []) : [];
    interviewer = await registeredUser(() => t.url, 'interviewer@example.com', 'Ivy Interviewer');
    candidate = guest(() => t.url);
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await t?.close();
  });

  it('should have loaded the follow-ups of the bank and its fresh translation into the database', async () => {
    expect(english.length).toBeGreaterThanOrEqual(2);
    expect(chinese).toHaveLength(english.length);
    const [row] = await t.sql<{ follow_ups: string[]; tr_follow_ups: string[] | null; fresh: boolean }>(
      `SELECT v.follow_ups, tr.follow_ups AS tr_follow_ups, tr.source_hash = v.content_hash AS fresh
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         LEFT JOIN question_version_translations tr ON tr.version_id = v.id AND tr.locale = 'zh-CN'
        WHERE q.id = $1`,
      [TASK_ID],
    );
    expect(row).toEqual({ follow_ups: english, tr_follow_ups: chinese, fresh: true });
  });

  it("should show the interviewer the English follow-ups, then the Chinese ones once the interviewer reads zh-CN, and English for a stale translation", async () => {
    const created = await interviewer.call('POST', '/api/rooms', { kind: 'manager', title: 'Follow-ups round', role: 'backend', level: 'senior' });
    expect(created.status).toBe(201);
    roomId = created.body.id as string;
    const joinToken = (created.body.joinLinks.candidate as string).slice('/rooms/join/'.length);
    expect((await candidate.join(joinToken, 'Cara Candidate')).status).toBe(200);

    expect((await panelItem())?.followUps).toEqual(english);
    expect((await interviewer.call('PATCH', '/api/me/settings', { contentLanguage: 'zh-CN' })).status).toBe(200);
    expect((await panelItem())?.followUps).toEqual(chinese);

    // A translation made from an older English is not shown: the English follow-ups are.
    await t.sql(
      `UPDATE question_version_translations tr SET source_hash = 'older' FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.id = $1 AND tr.version_id = v.id AND tr.locale = 'zh-CN'`,
      [TASK_ID],
    );
    expect((await panelItem())?.followUps).toEqual(english);
    await t.sql(
      `UPDATE question_version_translations tr SET source_hash = v.content_hash FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.id = $1 AND tr.version_id = v.id AND tr.locale = 'zh-CN'`,
      [TASK_ID],
    );
    expect((await panelItem())?.followUps).toEqual(chinese);
  });

  it('should never send the candidate a follow-up: panel refused, nothing in REST bodies or the shared document after a push', async () => {
    const candidateDoc = await openDoc(t.url, roomId, { token: candidate.memberToken! });
    clients.push(candidateDoc);
    const panel = await candidate.call('GET', `/api/rooms/${roomId}/panel?topic=sync`);
    expect([panel.status, panel.body.code]).toEqual([403, 'ROOM_FORBIDDEN']);

    const pushed = await interviewer.call('POST', `/api/rooms/${roomId}/push`, { questionId: TASK_ID });
    expect(pushed.status).toBe(200);
    await until('the candidate has the pushed prompt', () => (candidateDoc.doc.getMap<string>('meta').get('prompt') ?? '').length > 0);
    for (const path of ['', '/replay', '/scorecard']) await candidate.call('GET', `/api/rooms/${roomId}${path}`);

    const wire = Buffer.concat(candidateDoc.messages).toString('utf8');
    const decoded = docStrings(candidateDoc.doc).join('\n');
    expect(candidateDoc.messages.length).toBeGreaterThan(2);
    for (const followUp of [...english, ...chinese]) {
      expect([followUp, wire.includes(followUp)]).toEqual([followUp, false]);
      expect([followUp, decoded.includes(followUp)]).toEqual([followUp, false]);
      for (const body of candidate.received) expect([followUp, body.includes(followUp)]).toEqual([followUp, false]);
    }
    for (const body of candidate.received) expect(findKeyMaterial(body ? (JSON.parse(body) as unknown) : undefined)).toEqual([]);
    // The interviewer's own responses do carry them (so the checks above could have failed).
    expect(interviewer.received.some((body) => body.includes(english[0]!))).toBe(true);
    expect(findKeyMaterial(JSON.parse(interviewer.received.find((body) => body.includes('"followUps"'))!))).toContainEqual(expect.stringMatching(/\.followUps$/));
  });
});
