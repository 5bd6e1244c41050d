import type { DraftContent } from '../types';
import { contentFromForm, formFromContent, hasQuestion, parseNumber, parseTags, problemsOf, questionCount, sameContent, totalPoints, type DraftForm } from './draft-form';

const content: DraftContent = {
  title: 'Senior backend',
  instructions: 'Answer alone.',
  timeLimitSeconds: 2700,
  shuffleOptions: true,
  overduePolicy: 'grace-period',
  submitGraceSeconds: 120,
  reviewPolicy: 'correctness',
  language: 'zh-CN',
  items: [
    { kind: 'fixed', questionId: 'q-1', versionId: 'v-1', points: 2 },
    { kind: 'pool', topic: 'gc-tuning', count: 3, difficulty: [3, 5], types: ['single', 'multi'], excludeTags: ['basic'], points: 1.5 },
    { kind: 'pool', topic: 'context', count: 1, difficulty: [2, 4], points: 1 },
  ],
};

describe('formFromContent / contentFromForm', () => {
  it('should round-trip the draft content exactly', () => {
    expect(contentFromForm(formFromContent(content))).toEqual(content);
  });

  it('should show the limits in minutes', () => {
    const form = formFromContent(content);
    expect(form.timeLimitMinutes).toBe('45');
    expect(form.graceMinutes).toBe('2');
    expect(form.items[1]).toMatchObject({ count: '3', min: 3, max: 5, excludeTags: 'basic', points: '1.5' });
  });

  it('should give every item a distinct local key', () => {
    const keys = formFromContent(content).items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('should send no grace when the overdue policy has none', () => {
    const form: DraftForm = { ...formFromContent(content), overduePolicy: 'auto-submit', graceMinutes: '5' };
    expect(contentFromForm(form).submitGraceSeconds).toBe(0);
  });

  it('should attach the display info of pinned questions', () => {
    const form = formFromContent(content, (id) => (id === 'q-1' ? { title: 'Q1', topic: 'sync', type: 'single', difficulty: 3, expectedSeconds: 60 } : undefined));
    expect(form.items[0]).toMatchObject({ kind: 'fixed', info: { title: 'Q1' } });
  });
});

describe('parseTags and parseNumber', () => {
  it('should split, trim, lower-case and de-duplicate tags', () => {
    expect(parseTags(' basic, Kubernetes ,,basic  gc ')).toEqual(['basic', 'kubernetes', 'gc']);
    expect(parseTags('  ')).toEqual([]);
  });

  it('should read decimal commas and refuse anything else', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('-1')).toBeNaN();
    expect(parseNumber('1e3')).toBeNaN();
  });
});

describe('problemsOf', () => {
  it('should accept a complete draft', () => {
    expect(problemsOf(formFromContent(content))).toEqual([]);
  });

  it('should name each bad field, per item by its key', () => {
    const form = formFromContent(content);
    const [fixed, pool] = form.items;
    const bad: DraftForm = {
      ...form,
      title: '  ',
      timeLimitMinutes: '0',
      graceMinutes: 'x',
      items: [
        { ...fixed!, points: '0' },
        { ...(pool as Extract<typeof pool, { kind: 'pool' }>), count: '2.5', min: 5, max: 3 },
      ],
    };
    expect(problemsOf(bad)).toEqual([
      { field: 'title', message: 'titleRequired' },
      { field: 'timeLimitMinutes', message: 'timeLimit' },
      { field: 'graceMinutes', message: 'grace' },
      { field: `${fixed!.key}.points`, message: 'points' },
      { field: `${pool!.key}.count`, message: 'poolCount' },
      { field: `${pool!.key}.difficulty`, message: 'poolDifficulty' },
    ]);
  });

  it('should ignore the grace field unless the policy uses it', () => {
    expect(problemsOf({ ...formFromContent(content), overduePolicy: 'not-counted', graceMinutes: '' })).toEqual([]);
  });
});

describe('counts and totals', () => {
  it('should count fixed items once and pools by their count', () => {
    expect(questionCount(formFromContent(content))).toBe(1 + 3 + 1);
  });

  it('should total points over every question a candidate gets', () => {
    expect(totalPoints(formFromContent(content))).toBe(2 + 3 * 1.5 + 1);
  });

  it('should know which bank questions are already fixed items', () => {
    const form = formFromContent(content);
    expect(hasQuestion(form, 'q-1')).toBe(true);
    expect(hasQuestion(form, 'q-2')).toBe(false);
  });

  it('should compare content and ignore local keys', () => {
    expect(sameContent(formFromContent(content), formFromContent(content))).toBe(true);
    expect(sameContent(formFromContent(content), { ...formFromContent(content), shuffleOptions: false })).toBe(false);
  });
});
