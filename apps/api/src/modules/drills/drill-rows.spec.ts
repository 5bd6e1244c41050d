import { DEFAULT_SRS_SETTINGS, newSrsCard } from '@goprep/domain';
import { cardFrom, cardFromJson, cardParams, dayString, mapDrillQuestion, mapReviewResult, settingsFrom, type DeliveryRow, type ReviewRow } from './drill-rows';

const delivery: DeliveryRow = {
  question_id: 'ch-select',
  version: 3,
  title: 'Select',
  topic_id: 'channels',
  question_difficulty: 2,
  type: 'single',
  prompt: 'Which case runs?',
  code: null,
  unit: null,
  expected_seconds: 60,
  // As if a future query selected whole options: the mapper must still keep only id and text.
  options: [
    { id: 'b', text: 'B', correct: true, feedback: 'yes' } as { id: string; text: string },
    { id: 'a', text: 'A' },
  ],
};

describe('drill rows', () => {
  it('should deliver a question without key material, options in stored order', () => {
    const dto = mapDrillQuestion(delivery);
    expect(dto.options).toEqual([
      { id: 'b', text: 'B' },
      { id: 'a', text: 'A' },
    ]);
    expect(dto).not.toHaveProperty('code');
    expect(dto.difficulty).toBe(2);
    expect(JSON.stringify(dto)).not.toMatch(/correct|feedback|explanation|key/);
  });

  it('should fall back to the default settings when the learner has none', () => {
    expect(settingsFrom(undefined)).toEqual({ settings: { ...DEFAULT_SRS_SETTINGS } });
  });

  it('should round-trip a card through its stored forms', () => {
    const card = { ...newSrsCard('c1', new Date('2026-01-01T00:00:00Z')), lastReview: new Date('2026-01-02T00:00:00Z') };
    expect(cardFromJson(JSON.parse(JSON.stringify(card)))).toEqual(card);
    const [id, state, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, lastReview, suspended, leech] = cardParams(card);
    expect(
      cardFrom({
        id: id as string,
        question_id: 'q',
        state: state as 'new',
        due: due as Date,
        stability: stability as number,
        difficulty: difficulty as number,
        scheduled_days: scheduledDays as number,
        learning_steps: learningSteps as number,
        reps: reps as number,
        lapses: lapses as number,
        last_review: lastReview as Date,
        suspended: suspended as boolean,
        leech: leech as boolean,
      }),
    ).toEqual(card);
  });

  it('should show the key, option flags and the next due date once reviewed', () => {
    const after = { ...newSrsCard('c1', new Date('2026-01-05T00:00:00Z')), state: 'review' as const, scheduledDays: 4, reps: 1 };
    const row: ReviewRow = {
      id: 'r1',
      user_id: 'u1',
      question_id: 'ch-select',
      version: 3,
      reviewed_at: new Date('2026-01-01T00:00:00Z'),
      rating: 'good',
      suggested_rating: 'good',
      rating_source: 'auto',
      status: 'correct',
      score: '1.0000',
      correct: true,
      leech_triggered: false,
      state_after: JSON.parse(JSON.stringify(after)),
      undone_at: null,
      answer_key: { type: 'single', correct: 'b' },
      explanation: 'Because.',
      references: [],
      key_options: [{ id: 'b', text: 'B', correct: true, feedback: 'yes' }],
    };
    expect(mapReviewResult(row)).toMatchObject({
      score: 1,
      key: { type: 'single', correct: 'b' },
      options: [{ id: 'b', text: 'B', correct: true, feedback: 'yes' }],
      nextDue: '2026-01-05T00:00:00.000Z',
      scheduledDays: 4,
      state: 'review',
      undone: false,
    });
  });

  it('should name learner-local days by their number', () => {
    expect(dayString(0)).toBe('1970-01-01');
    expect(dayString(20_513)).toBe('2026-03-01');
  });
});
