import { newKey, type DraftForm } from '../utils/draft-form';
import { contentFromVersion, formFromVersion, learnFromSet, toDraftInput } from './convert';
import type { QuestionSet, SetVersion } from './get-set';

const question = { title: 'Nil map writes', topic: 'sync', type: 'single', difficulty: 3, expectedSeconds: 75, version: 2, currentVersion: 2, retired: false, private: false, contentLocale: 'en' as const, fallback: false };

const version: SetVersion = {
  id: '5f0c1d7e-8b54-4a59-9d9c-8f2c6d7f0a11',
  version: 2,
  state: 'draft',
  title: 'Backend screen',
  instructions: 'No notes.',
  timeLimitSeconds: 1800,
  shuffleOptions: false,
  overduePolicy: 'not-counted',
  submitGraceSeconds: 0,
  reviewPolicy: 'full',
  language: 'candidate-chooses',
  items: [
    { kind: 'pool', points: 2, topic: 'context', count: 2, difficulty: [2, 4], types: ['single'], excludeTags: ['basic'], eligible: 9 },
    { kind: 'fixed', points: 1.5, questionId: 'sy-nil-map', versionId: '0d3c2a4e-0f0a-4bb6-9d55-3e1f4a6b7c8d', question },
  ],
  createdAt: '2026-11-21T08:00:00.000Z',
  publishedAt: null,
};

describe('contentFromVersion / toDraftInput', () => {
  it('should read a version into draft content and send it back unchanged', () => {
    const content = contentFromVersion(version);
    expect(content.items).toEqual([
      { kind: 'pool', topic: 'context', count: 2, difficulty: [2, 4], types: ['single'], excludeTags: ['basic'], points: 2 },
      { kind: 'fixed', questionId: 'sy-nil-map', versionId: '0d3c2a4e-0f0a-4bb6-9d55-3e1f4a6b7c8d', points: 1.5 },
    ]);
    expect(toDraftInput(content)).toEqual({
      title: 'Backend screen',
      instructions: 'No notes.',
      timeLimitSeconds: 1800,
      shuffleOptions: false,
      overduePolicy: 'not-counted',
      submitGraceSeconds: 0,
      reviewPolicy: 'full',
      language: 'candidate-chooses',
      items: [
        { kind: 'pool', topic: 'context', count: 2, difficulty: [2, 4], types: ['single'], excludeTags: ['basic'], points: 2 },
        { kind: 'fixed', questionId: 'sy-nil-map', versionId: '0d3c2a4e-0f0a-4bb6-9d55-3e1f4a6b7c8d', points: 1.5 },
      ],
    });
  });

  it('should leave out empty pool filters and an unknown pin', () => {
    const input = toDraftInput({
      ...contentFromVersion(version),
      items: [
        { kind: 'pool', topic: 'sync', count: 1, difficulty: [1, 5], points: 1 },
        { kind: 'fixed', questionId: 'ch-close', points: 1 },
      ],
    });
    expect(input.items).toEqual([
      { kind: 'pool', topic: 'sync', count: 1, difficulty: [1, 5], points: 1 },
      { kind: 'fixed', questionId: 'ch-close', points: 1 },
    ]);
  });

  it('should give the builder the pinned question facts', () => {
    expect(formFromVersion(version).items[1]).toMatchObject({ kind: 'fixed', info: { title: 'Nil map writes', expectedSeconds: 75 } });
  });
});

describe('learnFromSet', () => {
  const saved = { current: version } as QuestionSet;
  const form = (items: DraftForm['items']): DraftForm => ({ ...formFromVersion(version), items });

  it('should pin a newly added question to the version the server chose', () => {
    const added = form([{ key: newKey(), kind: 'fixed', questionId: 'sy-nil-map', points: '1', info: { title: 'Nil map writes', topic: 'sync', type: 'single', difficulty: 3 } }]);
    const learned = learnFromSet(saved, added);
    expect(learned.items[0]).toMatchObject({ versionId: '0d3c2a4e-0f0a-4bb6-9d55-3e1f4a6b7c8d', points: '1', info: { expectedSeconds: 75 } });
  });

  it('should return the same form when there is nothing to learn', () => {
    const known = formFromVersion(version);
    expect(learnFromSet(saved, known)).toBe(known);
    const other = form([{ key: newKey(), kind: 'fixed', questionId: 'ch-unknown', points: '1' }]);
    expect(learnFromSet(saved, other)).toBe(other);
  });
});
