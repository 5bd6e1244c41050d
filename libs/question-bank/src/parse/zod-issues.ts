import type { z } from 'zod';
import type { PathElement } from './front-matter';

export interface LocatedIssue {
  path: PathElement[];
  message: string;
}

export const formatPath = (path: readonly PathElement[]): string =>
  path.reduce<string>((text, element) => (typeof element === 'number' ? `${text}[${element}]` : text ? `${text}.${element}` : element), '');

/** Turns zod issues into messages that name the key, one per unknown key so each gets its line. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): LocatedIssue[] {
  const described: LocatedIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((element): element is PathElement => typeof element !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        described.push({ path: [...path, key], message: `unknown key \`${formatPath([...path, key])}\`` });
      }
      continue;
    }
    const where = formatPath(path);
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      described.push({ path, message: `missing required key \`${where}\`` });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      const key = formatPath([...path, issue.discriminator]);
      const choices = 'options' in issue && issue.options ? `: one of ${issue.options.map(String).join(', ')}` : '';
      described.push({ path: [...path, issue.discriminator], message: `\`${key}\` is missing or unknown${choices}` });
      continue;
    }
    described.push({ path, message: where ? `\`${where}\`: ${issue.message}` : issue.message });
  }
  // One value can fail two rules with the same message (e.g. URL protocol and https pattern).
  const seen = new Set<string>();
  return described.filter((issue) => {
    const key = `${formatPath(issue.path)}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
