import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { libraryDir } from '../parse/paths';
import { questionFrontMatterSchema } from './front-matter';

/**
 * The front matter contract as JSON Schema, for editors (YAML language servers) and other tools.
 * `io: 'input'` so keys with defaults are optional, as authors write them.
 */
export function questionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(questionFrontMatterSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://goprep.dev/schemas/question.schema.json',
    title: 'goprep question front matter',
    description: 'Front matter of one question file; see docs/question-format.md. Cross-field rules are checked by `npm run bank -- lint`.',
  };
}

export function writeQuestionJsonSchema(path: string = join(libraryDir(), 'question.schema.json')): string {
  writeFileSync(path, `${JSON.stringify(questionJsonSchema(), null, 2)}\n`);
  return path;
}
