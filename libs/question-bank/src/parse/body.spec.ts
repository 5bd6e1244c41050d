import { splitBody } from './body';

describe('splitBody', () => {
  it('should split the prompt and the explanation', () => {
    const body = splitBody('Which line?\n\n## Explanation\nBecause. Really. Yes.\n', 20, false);
    expect(body).toMatchObject({ prompt: 'Which line?', explanation: 'Because. Really. Yes.', explanationLine: 22, problems: [] });
  });

  it('should split a flashcard into prompt, answer and explanation', () => {
    const body = splitBody('Front\n## Answer\nBack\n## Explanation\nWhy.\n', 5, true);
    expect(body).toMatchObject({ prompt: 'Front', answer: 'Back', explanation: 'Why.', answerLine: 6, explanationLine: 8, problems: [] });
  });

  it('should ignore headings inside fenced code blocks', () => {
    const body = splitBody('Look:\n```md\n## Explanation\n```\n## Explanation\nReal.\n', 1, false);
    expect(body.prompt).toBe('Look:\n```md\n## Explanation\n```');
    expect(body.explanationLine).toBe(5);
  });

  it('should report a missing explanation with its line', () => {
    const body = splitBody('Prompt only\nsecond line\n', 10, false);
    expect(body.problems).toEqual([{ line: 12, message: 'missing `## Explanation` section' }]);
  });

  it('should report an empty prompt, an empty explanation and a duplicate section', () => {
    const body = splitBody('## Explanation\n\n## Explanation\nText.\n', 3, false);
    expect(body.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '5: duplicate `## Explanation` section',
      '3: the prompt (the body before `## Explanation`) is empty',
    ]);
  });

  it('should report an answer section outside flashcards and a flashcard without one', () => {
    expect(splitBody('P\n## Answer\nA\n## Explanation\nE.\n', 1, false).problems).toEqual([
      { line: 2, message: 'only flashcards have an `## Answer` section; put the key in the front matter' },
    ]);
    expect(splitBody('P\n## Explanation\nE.\n', 1, true).problems).toEqual([
      { line: 2, message: 'a flashcard needs an `## Answer` section before `## Explanation`' },
    ]);
  });

  it('should report an answer placed after the explanation', () => {
    expect(splitBody('P\n## Explanation\nE.\n## Answer\nA\n', 1, true).problems).toEqual([
      { line: 4, message: '`## Answer` must come before `## Explanation`' },
    ]);
  });
});
