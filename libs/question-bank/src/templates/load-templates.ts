import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BankProblem } from '../model';
import { parseFrontMatter } from '../parse/front-matter';
import { displayPath, libraryDir } from '../parse/paths';
import { describeIssues } from '../parse/zod-issues';
import type { LoadedTemplates, RoleTemplate, TemplateLevel } from './model';
import { DEFAULT_POOL_TYPES, templateFileSchema, type TemplateLevelId } from './schema';

/** `libs/question-bank/templates` of this repository. */
export function defaultTemplatesDir(): string {
  return join(libraryDir(), 'templates');
}

/**
 * Loads every `<id>.yaml` of `dir`. A file that breaks the schema is left out and its problems
 * (file:line: message, like the bank's) are returned; the caller decides whether they are fatal.
 */
export function loadTemplates(dir: string = defaultTemplatesDir()): LoadedTemplates {
  if (!existsSync(dir)) throw new Error(`templates folder not found: ${dir}`);
  const loaded: LoadedTemplates = { templates: [], problems: [] };
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const absPath = join(dir, name);
    if (name.endsWith('.yml')) {
      // One spelling, so `ls templates/*.yaml` is the complete list.
      loaded.problems.push({ file: displayPath(absPath), message: 'template files end in .yaml, not .yml' });
    } else if (name.endsWith('.yaml')) {
      const result = parseTemplateFile(absPath);
      loaded.problems.push(...result.problems);
      if (result.template) loaded.templates.push(result.template);
    }
  }
  return loaded;
}

export function parseTemplateFile(absPath: string): { template?: RoleTemplate; problems: BankProblem[] } {
  const file = displayPath(absPath);
  // The whole file is one YAML document; the front matter parser gives lines for zod issues.
  const parsed = parseFrontMatter({ yaml: readFileSync(absPath, 'utf8'), yamlStartLine: 1, body: '', bodyStartLine: 1 });
  if (parsed.errors.length > 0) return { problems: parsed.errors.map((error) => ({ file, ...error })) };
  const validated = templateFileSchema.safeParse(parsed.data);
  if (!validated.success) {
    return { problems: describeIssues(validated.error.issues).map((issue) => ({ file, line: parsed.lineOf(issue.path), message: issue.message })) };
  }
  const data = validated.data;
  const fileId = basename(absPath, '.yaml');
  if (data.id !== fileId) return { problems: [{ file, line: parsed.lineOf(['id']), message: `id "${data.id}" must equal the file name "${fileId}"` }] };

  const toLevel = (level: TemplateLevelId): TemplateLevel => ({
    level,
    timeLimitMinutes: data.levels[level].time_limit_minutes,
    pools: data.levels[level].pools.map((pool, index) => ({
      topic: pool.topic,
      count: pool.count,
      difficulty: [pool.difficulty[0], pool.difficulty[1]] as const,
      types: pool.types ?? DEFAULT_POOL_TYPES,
      excludeTags: pool.exclude_tags ?? [],
      line: parsed.lineOf(['levels', level, 'pools', index]),
    })),
  });
  const levels = { junior: toLevel('junior'), senior: toLevel('senior'), staff: toLevel('staff') };
  return { template: { id: data.id, title: data.title, description: data.description, levels, sourcePath: file }, problems: [] };
}
