import { submitWarnings } from './submit-warnings';

describe('submit warnings', () => {
  it('should list unanswered and flagged items for the submit confirmation', () => {
    const items = [{ position: 1 }, { position: 2 }, { position: 3 }];
    const answers = {
      1: { response: { type: 'single' as const, choice: 'a' }, flagged: true },
      2: { response: null, flagged: false },
    };
    expect(submitWarnings(items, answers)).toEqual({ unanswered: [2, 3], flagged: [1] });
  });
});
