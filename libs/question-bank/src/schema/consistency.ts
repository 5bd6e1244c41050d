import type { TopicId } from '../model';
import type { PathElement } from '../parse/front-matter';
import type { QuestionFrontMatter } from './front-matter';

export interface PathIssue {
  path: PathElement[];
  message: string;
}

/** Id prefix per topic, from docs/question-format.md. */
export const TOPIC_ID_PREFIX: Record<TopicId, string> = {
  'memory-model': 'mm-',
  'goroutine-leaks': 'gl-',
  'gc-tuning': 'gc-',
  'trace-sampling': 'ts-',
  scheduler: 'sch-',
  channels: 'ch-',
  'escape-analysis': 'esc-',
  pprof: 'pp-',
  context: 'ctx-',
  sync: 'sync-',
  observability: 'obs-',
  kubernetes: 'k8s-',
};

const sameSet = (a: readonly number[], b: readonly number[]): boolean => {
  const left = [...new Set(a)].sort((x, y) => x - y);
  const right = [...new Set(b)].sort((x, y) => x - y);
  return left.length === right.length && left.every((value, index) => value === right[index]);
};

const regexError = (source: string): string | undefined => {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

function duplicates(values: readonly string[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(index, value);
    seen.add(value);
  });
}

/**
 * Rules that span several keys (JSON Schema cannot say them): the key agrees with the options,
 * checks agree with the key, regexes compile. Each issue carries the path of the key to blame.
 */
export function checkConsistency(fm: QuestionFrontMatter): PathIssue[] {
  const issues: PathIssue[] = [];
  const prefix = TOPIC_ID_PREFIX[fm.topic as TopicId];
  if (prefix && !fm.id.startsWith(prefix)) {
    issues.push({ path: ['id'], message: `id of a ${fm.topic} question must start with "${prefix}"` });
  }

  if (fm.type === 'single' || fm.type === 'multi') {
    const seen = new Map<string, number>();
    fm.options.forEach((option, index) => {
      if (seen.has(option.id)) issues.push({ path: ['options', index, 'id'], message: `duplicate option id "${option.id}"` });
      seen.set(option.id, index);
    });
    const correct = fm.options.filter((option) => option.correct).length;
    if (fm.type === 'single' && correct !== 1) {
      issues.push({ path: ['options'], message: `single: exactly one option must be correct (found ${correct})` });
    }
    if (fm.type === 'multi' && correct < 1) {
      issues.push({ path: ['options'], message: 'multi: at least one option must be correct' });
    }
  }

  if (fm.type === 'ordering') {
    duplicates(fm.items.map((item) => item.id), (index, id) => issues.push({ path: ['items', index, 'id'], message: `duplicate item id "${id}"` }));
    duplicates(fm.items.map((item) => item.text.trim()), (index) => issues.push({ path: ['items', index, 'text'], message: 'two items with the same text cannot have a defined order' }));
  }

  if (fm.type === 'matching') {
    duplicates(fm.pairs.map((pair) => pair.id), (index, id) => issues.push({ path: ['pairs', index, 'id'], message: `duplicate item id "${id}"` }));
    duplicates(fm.pairs.map((pair) => pair.text.trim()), (index) => issues.push({ path: ['pairs', index, 'text'], message: 'two left items with the same text' }));
    fm.pairs.forEach((pair, index) => {
      if (/^m\d+$/.test(pair.id)) issues.push({ path: ['pairs', index, 'id'], message: `"${pair.id}" is reserved for right-hand choices (m1, m2, ...)` });
    });
    const matches = new Set(fm.pairs.map((pair) => pair.match));
    if (matches.size < 2) issues.push({ path: ['pairs'], message: 'matching: the pairs need at least two different right-hand texts' });
    (fm.distractors ?? []).forEach((text, index) => {
      if (matches.has(text)) issues.push({ path: ['distractors', index], message: 'a distractor must not equal the right-hand text of a pair' });
    });
    duplicates(fm.distractors ?? [], (index) => issues.push({ path: ['distractors', index], message: 'duplicate distractor' }));
  }

  if (fm.type === 'short') {
    if (fm.pattern !== undefined) {
      const error = regexError(fm.pattern);
      if (error) issues.push({ path: ['pattern'], message: `pattern is not a valid JavaScript regex: ${error}` });
    }
    if (fm.answers === undefined) {
      if (fm.accepted === undefined) issues.push({ path: ['accepted'], message: 'short: `accepted` is required unless `answers` lists the graded answers' });
    } else {
      // With graded answers, they alone decide the grade; a second way to accept would disagree with them.
      if (fm.accepted !== undefined) issues.push({ path: ['accepted'], message: 'short: use either `accepted` or `answers`, not both' });
      if (fm.pattern !== undefined) issues.push({ path: ['pattern'], message: 'short: use either `pattern` or `answers`, not both (write wildcards as `*` in an answer)' });
      if (!fm.answers.some((rule) => rule.credit === 1)) issues.push({ path: ['answers'], message: 'short: at least one answer must give full credit (credit: 1)' });
    }
  }

  if (fm.type === 'numeric') {
    if (fm.answers === undefined) {
      if (fm.answer === undefined) issues.push({ path: ['answer'], message: 'numeric: `answer` is required unless `answers` lists the graded answers' });
    } else {
      if (fm.answer !== undefined) issues.push({ path: ['answer'], message: 'numeric: use either `answer` or `answers`, not both' });
      if (fm.tolerance !== 0) issues.push({ path: ['tolerance'], message: 'numeric: with `answers`, give each answer its own tolerance' });
      fm.answers.forEach((rule, index) => {
        if ('min' in rule && rule.min > rule.max) issues.push({ path: ['answers', index, 'min'], message: `numeric: range minimum ${rule.min} is above its maximum ${rule.max}` });
      });
      if (!fm.answers.some((rule) => rule.credit === 1 && !('any' in rule))) {
        issues.push({ path: ['answers'], message: 'numeric: at least one value or range must give full credit (credit: 1)' });
      }
    }
  }

  const verify = 'verify' in fm ? (fm.verify ?? []) : [];
  const hasCode = 'code' in fm && fm.code === true;
  if (verify.length > 0 && !hasCode) {
    issues.push({ path: ['verify'], message: 'verify needs `code: true` and a program in <id>/main.go' });
  }
  if (hasCode && verify.length === 0) {
    issues.push({ path: ['code'], message: 'a code question must declare what running it shows in `verify`' });
  }

  verify.forEach((check, index) => {
    if (check.kind === 'output') {
      if (fm.type === 'code-output' && check.stdout_any) {
        issues.push({ path: ['verify', index, 'stdout_any'], message: 'stdout_any is for non code-output questions; code-output checks use `outputs`' });
      }
      if (fm.type !== 'code-output' && !check.stdout_any) {
        issues.push({ path: ['verify', index], message: 'an output check outside code-output questions needs `stdout_any`' });
      }
      const allowed = fm.type === 'code-output' ? fm.outputs : (check.stdout_any ?? []);
      if (allowed.length > 1 && check.runs < 20) {
        issues.push({ path: ['verify', index, 'runs'], message: `several outputs are possible: use runs >= 20 (found ${check.runs})` });
      }
    }
    if (check.kind === 'output-matches') {
      if (!check.stdout_regex && !check.stderr_regex) {
        issues.push({ path: ['verify', index], message: 'output-matches needs stdout_regex and/or stderr_regex' });
      }
      for (const key of ['stdout_regex', 'stderr_regex'] as const) {
        (check[key] ?? []).forEach((source, position) => {
          const error = regexError(source);
          if (error) issues.push({ path: ['verify', index, key, position], message: `not a valid JavaScript regex: ${error}` });
        });
      }
    }
  });

  if (fm.type === 'code-output' && !verify.some((check) => check.kind === 'output')) {
    issues.push({ path: ['verify'], message: 'a code-output question needs a verify check of kind `output`' });
  }
  if (fm.type === 'code-lines') {
    const withLines = verify
      .map((check, index) => ({ check, index }))
      .filter(({ check }) => 'lines' in check && check.lines !== undefined && check.file === 'main.go');
    if (withLines.length === 0) {
      issues.push({ path: ['verify'], message: 'a code-lines question needs a verify check that carries `lines`' });
    }
    for (const { check, index } of withLines) {
      const lines = 'lines' in check ? (check.lines ?? []) : [];
      if (!sameSet(lines, fm.lines)) {
        issues.push({
          path: ['verify', index, 'lines'],
          message: `${check.kind} check lines [${lines.join(', ')}] must equal the key lines [${fm.lines.join(', ')}]`,
        });
      }
    }
  }
  if (fm.type === 'code-task') issues.push(...taskIssues(fm.task));
  return issues;
}

/**
 * What a submission may never import, whatever a task allows: the judge rejects these anyway, and
 * a task that lists one could not be solved.
 */
export const DENIED_TASK_IMPORTS = ['C', 'unsafe', 'syscall', 'os', 'os/exec', 'os/signal', 'plugin', 'runtime/cgo', 'runtime/debug', 'reflect', 'testing', 'embed', 'net', 'path/filepath', 'io/ioutil'];
const DENIED_PREFIXES = ['net/', 'os/', 'syscall/', 'internal/', 'testing/', 'debug/'];

export function deniedTaskImport(path: string): boolean {
  return DENIED_TASK_IMPORTS.includes(path) || DENIED_PREFIXES.some((prefix) => path.startsWith(prefix)) || /(^|\/)internal(\/|$)/.test(path);
}

function taskIssues(task: Extract<QuestionFrontMatter, { type: 'code-task' }>['task']): PathIssue[] {
  const issues: PathIssue[] = [];
  if (task.package === 'main') issues.push({ path: ['task', 'package'], message: 'a task package cannot be main (tests need an importable package)' });
  task.files.forEach((file, index) => {
    if (task.files.indexOf(file) !== index) issues.push({ path: ['task', 'files', index], message: `duplicate file ${file}` });
  });
  task.imports.forEach((path, index) => {
    if (deniedTaskImport(path)) issues.push({ path: ['task', 'imports', index], message: `a submission may never import ${path}` });
    if (task.imports.indexOf(path) !== index) issues.push({ path: ['task', 'imports', index], message: `duplicate import ${path}` });
  });
  const needs: Partial<Record<typeof task.starter_fails, keyof typeof task.checks>> = { race: 'race', leak: 'leak', vet: 'vet' };
  const check = needs[task.starter_fails];
  if (check !== undefined && !task.checks[check]) {
    issues.push({ path: ['task', 'starter_fails'], message: `starter_fails: ${task.starter_fails} needs checks.${check}: true` });
  }
  return issues;
}
