import { stringify } from 'yaml';
import type { QuestionTranslation } from './model';

/** The file text of a translation in the agreed format (front matter, prompt, `## Answer`, `## Explanation`). */
export function translationFileText(translation: QuestionTranslation): string {
  const frontMatter: Record<string, unknown> = {
    id: translation.id,
    locale: translation.locale,
    ...(translation.sourceHash !== undefined ? { source_hash: translation.sourceHash } : {}),
    title: translation.title,
    ...(translation.options !== undefined
      ? { options: translation.options.map((option) => ({ id: option.id, text: option.text, ...(option.feedback !== undefined ? { feedback: option.feedback } : {}) })) }
      : {}),
    ...(translation.accepted !== undefined ? { accepted: translation.accepted } : {}),
    ...(translation.unit !== undefined ? { unit: translation.unit } : {}),
    ...(translation.rubric !== undefined ? { rubric: translation.rubric } : {}),
    ...(translation.followUps !== undefined ? { follow_ups: translation.followUps } : {}),
  };
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const sections = [translation.prompt.trim()];
  if (translation.answer !== undefined) sections.push(`## Answer\n${translation.answer.trim()}`);
  sections.push(`## Explanation\n${translation.explanation.trim()}`);
  return `---\n${yaml}---\n${sections.join('\n\n')}\n`;
}
