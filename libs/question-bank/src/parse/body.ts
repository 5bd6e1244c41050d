/** The Markdown body split into the sections the contract names. */
export interface BodySections {
  prompt: string;
  answer?: string;
  explanation?: string;
  /** File lines of the section headings, for messages. */
  answerLine?: number;
  explanationLine?: number;
  /** File line of the last line of the file: where a missing section belongs. */
  lastLine: number;
  problems: { line: number; message: string }[];
}

const SECTION = /^##[ \t]+(Answer|Explanation)[ \t]*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Splits the body at `## Answer` / `## Explanation`. Headings inside fenced code blocks do not count,
 * so a prompt may quote Markdown.
 */
export function splitBody(body: string, bodyStartLine: number, allowAnswer: boolean): BodySections {
  const lines = body.split('\n');
  const problems: BodySections['problems'] = [];
  const sections: { name: 'prompt' | 'Answer' | 'Explanation'; line: number; lines: string[] }[] = [
    { name: 'prompt', line: bodyStartLine, lines: [] },
  ];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fileLine = bodyStartLine + index;
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker;
      else if (fence === marker) fence = undefined;
    }
    const heading = fence === undefined ? SECTION.exec(line) : null;
    if (heading) {
      const name = heading[1] as 'Answer' | 'Explanation';
      if (sections.some((section) => section.name === name)) {
        problems.push({ line: fileLine, message: `duplicate \`## ${name}\` section` });
      }
      sections.push({ name, line: fileLine, lines: [] });
      return;
    }
    sections[sections.length - 1]?.lines.push(line);
  });

  const text = (name: string): string | undefined => {
    const found = sections.filter((section) => section.name === name);
    if (found.length === 0) return undefined;
    return found.map((section) => section.lines.join('\n')).join('\n').trim();
  };
  const lineOf = (name: string): number | undefined => sections.find((section) => section.name === name)?.line;
  const lastLine = bodyStartLine + Math.max(0, lines.length - 1);

  const prompt = text('prompt') ?? '';
  const answer = text('Answer');
  const explanation = text('Explanation');
  const answerLine = lineOf('Answer');
  const explanationLine = lineOf('Explanation');

  if (prompt === '') problems.push({ line: bodyStartLine, message: 'the prompt (the body before `## Explanation`) is empty' });
  if (explanationLine === undefined) {
    problems.push({ line: lastLine, message: 'missing `## Explanation` section' });
  } else if (explanation === '') {
    problems.push({ line: explanationLine, message: 'the `## Explanation` section is empty' });
  }
  if (allowAnswer) {
    if (answerLine === undefined) {
      problems.push({ line: explanationLine ?? lastLine, message: 'a flashcard needs an `## Answer` section before `## Explanation`' });
    } else if (answer === '') {
      problems.push({ line: answerLine, message: 'the `## Answer` section is empty' });
    } else if (explanationLine !== undefined && answerLine > explanationLine) {
      problems.push({ line: answerLine, message: '`## Answer` must come before `## Explanation`' });
    }
  } else if (answerLine !== undefined) {
    problems.push({ line: answerLine, message: 'only flashcards have an `## Answer` section; put the key in the front matter' });
  }

  return { prompt, answer, explanation, answerLine, explanationLine, lastLine, problems };
}
