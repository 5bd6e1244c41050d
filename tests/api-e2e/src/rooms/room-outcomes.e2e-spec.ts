import { findKeyMaterial } from '../support/key-material';
import { guest, registeredUser, type RoomCaller } from '../support/room-clients';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * What a room leaves behind (issue 18): a manager room's scorecard in the candidate's report (the
 * organization's managers only), a peer room's feedback in the learner's history, and the
 * questions marked as struggled with, drilled from the learner's deck without any key.
 */
const COMMENT = 'manager-comment-marker-41c9: hesitated on context cancellation';

describe('room outcomes: report, history and drilling what was struggled with', () => {
  let t: TestApp;
  let manager: RoomCaller;
  let otherManager: RoomCaller;
  let orgId: string;
  let otherOrgId: string;
  let inviteId: string;
  let managerRoom: string;
  let candidate: ReturnType<typeof guest>;
  let single: { id: string };
  let essay: { id: string; rubric: string[] };

  const ok = async (who: RoomCaller, method: 'GET' | 'POST' | 'PUT', path: string, body?: object, status = [200, 201]) => {
    const res = await who.call(method, path, body);
    if (!status.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // The first account is the site admin; managers here are plain users who own an organization.
    await registeredUser(() => t.url, 'admin@example.com', 'Ada Admin');
    manager = await registeredUser(() => t.url, 'manager@example.com', 'Mia Manager');
    otherManager = await registeredUser(() => t.url, 'other@example.com', 'Oz Other');
    orgId = (await ok(manager, 'POST', '/api/orgs', { name: 'Rooms Org' })).id;
    otherOrgId = (await ok(otherManager, 'POST', '/api/orgs', { name: 'Other Org' })).id;
    const [s] = await t.sql<{ id: string }>(
      `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type = 'single' ORDER BY q.id LIMIT 1`,
    );
    const [e] = await t.sql<{ id: string; rubric: string[] }>(
      `SELECT q.id, v.answer_key->'rubric' AS rubric FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type = 'essay' AND jsonb_array_length(v.answer_key->'rubric') > 0 ORDER BY q.id LIMIT 1`,
    );
    single = s!;
    essay = e!;
    const set = await ok(manager, 'POST', `/api/orgs/${orgId}/sets`, { title: 'Screen' });
    await ok(manager, 'PUT', `/api/orgs/${orgId}/sets/${set.id}/draft`, {
      title: 'Screen',
      instructions: 'Answer.',
      timeLimitSeconds: 1800,
      shuffleOptions: false,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: 'score',
      items: [{ kind: 'fixed', questionId: single.id, points: 1 }],
    });
    await ok(manager, 'POST', `/api/orgs/${orgId}/sets/${set.id}/publish`);
    const invites = await ok(manager, 'POST', `/api/orgs/${orgId}/sets/${set.id}/invites`, {
      invitees: [{ name: 'Cam Candidate', email: 'cam@cand.example' }],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    inviteId = invites.invites[0].id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it("should show a manager room's scorecard, comments and replay path in the invite's report rooms, to the organization's managers only", async () => {
    const room = await ok(manager, 'POST', '/api/rooms', { kind: 'manager', title: 'Live round', role: 'backend', level: 'senior', inviteId });
    managerRoom = room.id;
    candidate = guest(() => t.url);
    expect((await candidate.join(room.joinLinks.candidate.slice('/rooms/join/'.length), 'Cam Candidate')).status).toBe(200);
    await ok(manager, 'POST', `/api/rooms/${managerRoom}/push`, { questionId: single.id });
    await ok(manager, 'POST', `/api/rooms/${managerRoom}/push`, { questionId: essay.id });

    // Before scoring the room is listed without a card.
    const early = await ok(manager, 'GET', `/api/orgs/${orgId}/invites/${inviteId}/rooms`);
    expect(early.items).toEqual([expect.objectContaining({ roomId: managerRoom, title: 'Live round', interviewer: 'Mia Manager', scorecard: null })]);

    const notAsked = await manager.call('PUT', `/api/rooms/${managerRoom}/scorecard`, { ratings: { concurrency: 2 }, struggled: ['gl-never-asked-here'] });
    expect([notAsked.status, notAsked.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(notAsked.body)).toContain('struggled');
    await ok(manager, 'PUT', `/api/rooms/${managerRoom}/scorecard`, {
      ratings: { concurrency: 2, language: 4 },
      recommendation: 'no-hire',
      comments: COMMENT,
      struggled: [essay.id],
    });

    const report = await ok(manager, 'GET', `/api/orgs/${orgId}/invites/${inviteId}/rooms`);
    expect(report.items).toHaveLength(1);
    const item = report.items[0];
    expect(item).toMatchObject({ roomId: managerRoom, status: 'open', replayPath: `/rooms/${managerRoom}/replay` });
    expect(item.scorecard).toMatchObject({ ratings: { concurrency: 2, language: 4 }, recommendation: 'no-hire', comments: COMMENT });
    expect(item.scorecard.asked.map((a: { questionId: string; struggled: boolean }) => [a.questionId, a.struggled])).toEqual([
      [single.id, false],
      [essay.id, true],
    ]);

    // Another organization's manager, a learner and a stranger's invite id: nothing.
    const other = await otherManager.call('GET', `/api/orgs/${orgId}/invites/${inviteId}/rooms`);
    expect([other.status, other.body.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    const learner = await registeredUser(() => t.url, 'lee@example.com', 'Lee Learner');
    expect((await learner.call('GET', `/api/orgs/${orgId}/invites/${inviteId}/rooms`)).status).toBe(403);
    expect((await ok(otherManager, 'GET', `/api/orgs/${otherOrgId}/invites/${inviteId}/rooms`)).items).toEqual([]);
    const bad = await manager.call('GET', `/api/orgs/${orgId}/invites/not-a-uuid/rooms`);
    expect([bad.status, bad.body.code]).toEqual([404, 'NOT_FOUND']);

    // The candidate never reads the hiring round's card.
    const seen = await candidate.call('GET', `/api/rooms/${managerRoom}/scorecard`);
    expect([seen.status, seen.body.code]).toEqual([403, 'ROOM_FORBIDDEN']);
    for (const body of candidate.received) expect(body.includes(COMMENT)).toBe(false);
  });

  it("should let the organization's other managers open a hiring round's replay and card from the report, and nobody else outside the room", async () => {
    // A colleague who joined the organization by its invite link but did not run the round: the
    // report links them to the replay, which used to answer 404 to anyone not seated in the room.
    const link = await ok(manager, 'POST', `/api/orgs/${orgId}/invites`, { email: 'colleague@example.com' });
    const colleague = await registeredUser(() => t.url, 'colleague@example.com', 'Col League');
    await ok(colleague, 'POST', '/api/org-invites/accept', { token: link.token });
    await ok(manager, 'POST', `/api/rooms/${managerRoom}/notes`, { body: 'private-note-marker-5d1e' });

    const { replayPath } = (await ok(colleague, 'GET', `/api/orgs/${orgId}/invites/${inviteId}/rooms`)).items[0];
    const replay = await ok(colleague, 'GET', `/api/rooms/${managerRoom}/replay`);
    expect(replayPath).toBe(`/rooms/${managerRoom}/replay`);
    expect(replay.notes.map((n: { body: string }) => n.body)).toEqual(['private-note-marker-5d1e']);
    const interviewerSees = await ok(manager, 'GET', `/api/rooms/${managerRoom}/replay`);
    expect(replay).toEqual(interviewerSees);
    const card = await ok(colleague, 'GET', `/api/rooms/${managerRoom}/scorecard`);
    expect(card).toEqual(await ok(manager, 'GET', `/api/rooms/${managerRoom}/scorecard`));
    expect(card.comments).toBe(COMMENT);
    // Reading is all the colleague can do: the room's writes stay with its seats.
    const write = await colleague.call('POST', `/api/rooms/${managerRoom}/notes`, { body: 'not mine' });
    expect([write.status, write.body.code]).toEqual([404, 'ROOM_NOT_FOUND']);

    // The candidate reads the replay without the notes, as before.
    const candidateReplay = await ok(candidate, 'GET', `/api/rooms/${managerRoom}/replay`);
    expect(candidateReplay.notes).toEqual([]);
    expect(candidateReplay.updates).toEqual(replay.updates);

    // Another organization's manager, a plain member of this organization and a learner: the stranger's 404.
    const plain = await registeredUser(() => t.url, 'plain@example.com', 'Pia Plain');
    const [plainUser] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'plain@example.com'`);
    await t.sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'member')`, [orgId, plainUser!.id]);
    const learner = await registeredUser(() => t.url, 'lena@example.com', 'Lena Learner');
    for (const who of [otherManager, plain, learner]) {
      for (const path of ['replay', 'scorecard']) {
        const res = await who.call('GET', `/api/rooms/${managerRoom}/${path}`);
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'ROOM_NOT_FOUND']);
        expect(res.text).not.toContain('private-note-marker-5d1e');
      }
    }
  });

  it("should put a peer room's strengths and next steps in the learner's history, without the rubric, and drill the struggled questions", async () => {
    const interviewer = await registeredUser(() => t.url, 'ian@example.com', 'Ian Interviewer');
    const learner = await registeredUser(() => t.url, 'lu@example.com', 'Lu Learner');
    const room = await ok(interviewer, 'POST', '/api/rooms', { kind: 'peer', role: 'backend', level: 'mid' });
    await ok(learner, 'POST', '/api/rooms/join', { joinToken: room.joinLinks.candidate.slice('/rooms/join/'.length) });
    await ok(interviewer, 'POST', `/api/rooms/${room.id}/push`, { questionId: single.id });
    await ok(interviewer, 'POST', `/api/rooms/${room.id}/push`, { questionId: essay.id });
    const before = await ok(learner, 'GET', '/api/rooms');
    expect(before.items).toEqual([expect.objectContaining({ id: room.id, scored: false, strengths: null, nextSteps: null, struggledCount: 0 })]);

    const saved = await ok(interviewer, 'PUT', `/api/rooms/${room.id}/scorecard`, {
      ratings: { language: 3, concurrency: 2 },
      strengths: 'Clear about map iteration order.',
      nextSteps: 'Practise explaining trade-offs out loud.',
      struggled: [essay.id, essay.id],
    });
    // The interviewer sees the rubric of what was asked.
    expect(saved.asked.find((a: { questionId: string }) => a.questionId === essay.id).rubric).toEqual(essay.rubric);
    await ok(interviewer, 'POST', `/api/rooms/${room.id}/end`);

    const history = await ok(learner, 'GET', '/api/rooms');
    expect(history.items).toEqual([
      expect.objectContaining({
        id: room.id,
        kind: 'peer',
        myRole: 'candidate',
        status: 'ended',
        scored: true,
        strengths: 'Clear about map iteration order.',
        nextSteps: 'Practise explaining trade-offs out loud.',
        struggledCount: 1,
      }),
    ]);
    const card = await ok(learner, 'GET', `/api/rooms/${room.id}/scorecard`);
    expect(card.asked.map((a: { questionId: string; struggled: boolean }) => [a.questionId, a.struggled])).toEqual([
      [single.id, false],
      [essay.id, true],
    ]);

    // The learner drills what they struggled with through the drills deck API.
    const struggled = card.asked.filter((a: { struggled: boolean }) => a.struggled).map((a: { questionId: string }) => a.questionId);
    const added = await ok(learner, 'POST', '/api/drills/deck', { questionIds: struggled });
    expect(added).toMatchObject({ added: 1, total: 1 });
    const deck = await ok(learner, 'GET', '/api/drills/deck');
    expect(deck.cards.map((c: { questionId: string }) => c.questionId)).toEqual([essay.id]);
    await ok(learner, 'GET', '/api/drills/due');

    // Nothing the learner received carries key material: the rubric stays with the interviewer.
    for (const body of learner.received) {
      expect(findKeyMaterial(body ? (JSON.parse(body) as unknown) : undefined)).toEqual([]);
      for (const item of essay.rubric) expect(body.includes(item)).toBe(false);
    }
  });
});
