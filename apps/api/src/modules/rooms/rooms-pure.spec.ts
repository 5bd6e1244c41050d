import type { RoleTemplate } from '@goprep/question-bank';
import { Y } from './esm-deps';
import { cookieValue } from './room-auth.service';
import { filesOf, fullBucket, initialDocUpdate, ROOM_MESSAGE_BURST, ROOM_MESSAGES_PER_SECOND, roomIdOf, takeToken } from './room-doc.service';
import { mapScorecard, panelFollowUps, panelScope, promptMarkdown } from './rooms.service';

describe('rooms: pure helpers', () => {
  it('should read one cookie from an upgrade request header, quoted or encoded', () => {
    expect(cookieValue('a=1; goprep_session=abc%2Bdef; b=2', 'goprep_session')).toBe('abc+def');
    expect(cookieValue('goprep_session="q"', 'goprep_session')).toBe('q');
    expect(cookieValue('xgoprep_session=1', 'goprep_session')).toBeUndefined();
    expect(cookieValue(undefined, 'goprep_session')).toBeUndefined();
    expect(cookieValue('goprep_session=%E0%A4%A', 'goprep_session')).toBeUndefined();
  });

  it('should take only room:<uuid> as a document name', () => {
    expect(roomIdOf('room:0b7e2f7a-1c1d-4d8e-9a55-3f0c2b1a9e77')).toBe('0b7e2f7a-1c1d-4d8e-9a55-3f0c2b1a9e77');
    expect(roomIdOf('room:0b7e2f7a-1c1d-4d8e-9a55-3f0c2b1a9e77x')).toBeUndefined();
    expect(roomIdOf('doc:0b7e2f7a-1c1d-4d8e-9a55-3f0c2b1a9e77')).toBeUndefined();
  });

  it('should build the same first state twice, so two instances initialising a room apply it once', () => {
    const one = initialDocUpdate();
    expect(Buffer.from(initialDocUpdate()).equals(Buffer.from(one))).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, one);
    Y.applyUpdate(doc, initialDocUpdate());
    expect(filesOf(doc)).toEqual({ 'main.go': 'package main\n' });
    expect(doc.getMap('meta').toJSON()).toEqual({ prompt: '', activeFile: 'main.go' });
  });

  it("should write a push's prompt from the title, prompt and program only", () => {
    expect(promptMarkdown({ title: 'Close twice', prompt: 'What happens?\n', code: 'package main\n\nfunc main() {}\n' })).toBe(
      '## Close twice\n\nWhat happens?\n\n```go\npackage main\n\nfunc main() {}\n```\n',
    );
    expect(promptMarkdown({ title: 'T', prompt: 'P', code: null })).toBe('## T\n\nP\n');
  });

  it("should scope the panel to the role template's topics and difficulty, mid spanning junior and senior", () => {
    const pool = (topic: string, max: number) => ({ topic, count: 1, difficulty: [1, max] as const, types: [], excludeTags: [], line: 1 });
    const template = {
      id: 'backend',
      levels: {
        junior: { level: 'junior', timeLimitMinutes: 30, pools: [pool('channels', 2)] },
        senior: { level: 'senior', timeLimitMinutes: 30, pools: [pool('sync', 4)] },
        staff: { level: 'staff', timeLimitMinutes: 30, pools: [pool('runtime', 5)] },
      },
    } as unknown as RoleTemplate;
    expect(panelScope(template, 'junior')).toEqual({ topics: ['channels'], maxDifficulty: 2 });
    expect(panelScope(template, 'mid')).toEqual({ topics: ['channels', 'sync'], maxDifficulty: 4 });
    expect(panelScope(template, 'staff')).toEqual({ topics: ['runtime'], maxDifficulty: 5 });
    expect(panelScope(undefined, 'senior')).toEqual({ topics: [], maxDifficulty: 5 });
  });

  it("should give the rubric to the interviewer only and mark the struggled questions for everyone", () => {
    const card = {
      room_id: 'r',
      ratings: { concurrency: 2 },
      recommendation: null,
      strengths: 'clear',
      next_steps: 'practise',
      comments: null,
      struggled: ['q-essay'],
      updated_at: new Date('2026-12-06T10:00:00Z'),
    };
    const asked = [
      { question_id: 'q-single', title: 'Single', at: new Date('2026-12-06T09:00:00Z'), answer_key: { type: 'single' } },
      { question_id: 'q-essay', title: 'Essay', at: new Date('2026-12-06T09:10:00Z'), answer_key: { type: 'essay', rubric: ['names the trade-off'] } },
    ];
    const interviewer = mapScorecard('r', card, asked, true);
    expect(interviewer.asked).toEqual([
      { questionId: 'q-single', title: 'Single', at: '2026-12-06T09:00:00.000Z', rubric: [], struggled: false },
      { questionId: 'q-essay', title: 'Essay', at: '2026-12-06T09:10:00.000Z', rubric: ['names the trade-off'], struggled: true },
    ]);
    const candidate = mapScorecard('r', card, asked, false);
    expect(candidate.asked.map((a) => Object.keys(a).sort())).toEqual([
      ['at', 'questionId', 'struggled', 'title'],
      ['at', 'questionId', 'struggled', 'title'],
    ]);
    expect(candidate.asked.map((a) => a.struggled)).toEqual([false, true]);
    expect(candidate).toMatchObject({ strengths: 'clear', nextSteps: 'practise', updatedAt: '2026-12-06T10:00:00.000Z' });
  });

  it("should give the panel a current translation's follow-ups only when it has the English count, else the English, and none without English", () => {
    const english = ['Why?', 'How?'];
    expect(panelFollowUps({ follow_ups: english, tr_follow_ups: ['为什么？', '怎么做？'] })).toEqual(['为什么？', '怎么做？']);
    expect(panelFollowUps({ follow_ups: english, tr_follow_ups: null })).toEqual(english);
    expect(panelFollowUps({ follow_ups: english, tr_follow_ups: ['为什么？'] })).toEqual(english);
    expect(panelFollowUps({ follow_ups: null, tr_follow_ups: ['为什么？'] })).toBeUndefined();
    expect(panelFollowUps({ follow_ups: [], tr_follow_ups: null })).toBeUndefined();
  });

  it("should pass a burst up to the bucket's size, refuse the next message, and refill with time", () => {
    const bucket = fullBucket(0);
    let passed = 0;
    while (takeToken(bucket, 0)) passed++;
    expect(passed).toBe(ROOM_MESSAGE_BURST);
    expect(takeToken(bucket, 0)).toBe(false);
    // A tenth of a second refills a tenth of the rate.
    const later = 100;
    let refilled = 0;
    while (takeToken(bucket, later)) refilled++;
    expect(refilled).toBe(ROOM_MESSAGES_PER_SECOND / 10);
    // A long pause fills the bucket, never beyond its size.
    let afterPause = 0;
    while (takeToken(bucket, 3_600_000)) afterPause++;
    expect(afterPause).toBe(ROOM_MESSAGE_BURST);
  });
});
