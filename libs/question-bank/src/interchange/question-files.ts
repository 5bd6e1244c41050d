import { Document, isScalar, isSeq, visit } from 'yaml';
import type { NumericAnswerRule } from '@goprep/domain';
import type { BankQuestion, VerifyCheck } from '../model';

export interface QuestionFiles {
  /** `<topic>/<id>.md`: front matter + prompt + explanation, per docs/question-format.md. */
  markdown: string;
  /** `<topic>/<id>/main.go` for questions with a program. */
  goFile?: string;
  /** Code tasks: `<topic>/<id>/`-relative path -> content (go.mod, starter/, solution/, tests/). */
  taskFiles?: Record<string, string>;
}

/**
 * Writes a bank question as the files the contract describes, so an import can be saved into the
 * bank and then linted and verified like any authored question.
 */
export function toQuestionFiles(question: BankQuestion): QuestionFiles {
  const doc = new Document(frontMatter(question));
  // Tags and line lists read best inline, as in the contract's example.
  const tags = doc.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  visit(doc, {
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item) && typeof item.value === 'number')) node.flow = true;
    },
  });
  const yaml = doc.toString({ lineWidth: 0 });
  const sections = [question.prompt.trim()];
  if (question.key.type === 'flashcard') sections.push(`## Answer\n${question.key.answer.trim()}`);
  sections.push(`## Explanation\n${question.explanation.trim()}`);
  const markdown = `---\n${yaml}---\n${sections.join('\n\n')}\n`;
  const task = question.task;
  if (task !== undefined) {
    const taskFiles: Record<string, string> = { 'go.mod': `module goprep.dev/task/${question.id}\n\ngo ${question.goVersion}\n` };
    for (const [part, files] of [['starter', task.starter], ['solution', task.solution], ['tests', task.visibleTests], ['tests', task.hiddenTests]] as const) {
      for (const [name, source] of Object.entries(files)) taskFiles[`${part}/${name}`] = source;
    }
    return { markdown, taskFiles };
  }
  return question.code !== undefined ? { markdown, goFile: question.code.endsWith('\n') ? question.code : `${question.code}\n` } : { markdown };
}

function frontMatter(q: BankQuestion): Record<string, unknown> {
  const fm: Record<string, unknown> = {
    id: q.id,
    title: q.title,
    topic: q.topic,
    subtopic: q.subtopic,
    type: q.type,
    difficulty: q.difficulty,
    tags: q.tags,
    go_version: q.goVersion,
    expected_seconds: q.expectedSeconds,
    references: q.references,
  };
  if (q.code !== undefined) fm['code'] = true;
  if (q.options !== undefined && q.key.type !== 'matching' && q.key.type !== 'ordering') {
    fm['options'] = q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, ...(o.feedback !== undefined ? { feedback: o.feedback } : {}) }));
  }
  const key = q.key;
  switch (key.type) {
    case 'true-false':
      fm['answer'] = key.answer;
      break;
    case 'short':
      if (key.answers !== undefined) {
        fm['answers'] = key.answers.map((rule) => ({ text: rule.text, credit: rule.credit, ...(rule.feedback !== undefined ? { feedback: rule.feedback } : {}) }));
      } else {
        fm['accepted'] = key.accepted;
        if (key.pattern !== undefined) fm['pattern'] = key.pattern;
      }
      if (key.caseSensitive) fm['case_sensitive'] = true;
      break;
    case 'numeric':
      if (key.answers !== undefined) {
        fm['answers'] = key.answers.map(numericRuleToYaml);
      } else {
        fm['answer'] = key.answer;
        if (key.tolerance !== 0) fm['tolerance'] = key.tolerance;
      }
      if (q.unit !== undefined) fm['unit'] = q.unit;
      break;
    case 'code-output':
      fm['outputs'] = key.outputs;
      break;
    case 'code-lines':
      fm['lines'] = key.lines;
      break;
    case 'essay':
      fm['rubric'] = key.rubric;
      break;
    case 'code-task':
      if (q.task !== undefined) {
        fm['task'] = {
          package: q.task.package,
          files: q.task.files,
          imports: q.task.imports,
          checks: q.task.checks,
          limits: { time_seconds: q.task.limits.timeSeconds, memory_mb: q.task.limits.memoryMb },
          scoring: q.task.scoring,
          starter_fails: q.task.starterFails,
        };
      }
      break;
    case 'ordering': {
      const text = new Map((q.options ?? []).map((o) => [o.id, o.text]));
      fm['items'] = key.order.map((id) => ({ id, text: text.get(id) ?? id }));
      break;
    }
    case 'matching': {
      const text = new Map((q.options ?? []).map((o) => [o.id, o.text]));
      const used = new Set(key.pairs.map((pair) => pair.right));
      fm['pairs'] = key.pairs.map((pair) => ({ id: pair.left, text: text.get(pair.left) ?? pair.left, match: text.get(pair.right) ?? pair.right }));
      const distractors = (q.options ?? []).filter((o) => o.side === 'right' && !used.has(o.id)).map((o) => o.text);
      if (distractors.length > 0) fm['distractors'] = distractors;
      break;
    }
    case 'single':
    case 'multi':
    case 'flashcard':
      // the key lives in the options (`correct`) or in the `## Answer` section
      break;
  }
  if (q.verify.length > 0) fm['verify'] = q.verify.map(checkToYaml);
  if (q.draft) fm['draft'] = true;
  return fm;
}

/** camelCase model -> the contract's snake_case keys, leaving out values equal to the defaults. */
function checkToYaml(check: VerifyCheck): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: check.kind };
  const put = (name: string, value: unknown, fallback?: unknown): void => {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(fallback)) out[name] = value;
  };
  switch (check.kind) {
    case 'output':
      put('exit_code', check.exitCode, 0);
      put('runs', check.runs, 1);
      put('gomaxprocs', check.gomaxprocs);
      put('stdout_any', check.stdoutAny);
      break;
    case 'output-matches':
      put('stdout_regex', check.stdoutRegex);
      put('stderr_regex', check.stderrRegex);
      put('exit_code', check.exitCode, 0);
      put('runs', check.runs, 1);
      break;
    case 'race':
      put('lines', check.lines);
      put('fixed', check.fixed, false);
      put('runs', check.runs);
      put('gomaxprocs', check.gomaxprocs);
      break;
    case 'deadlock':
      put('lines', check.lines);
      put('runs', check.runs);
      put('gomaxprocs', check.gomaxprocs);
      break;
    case 'leak':
      put('lines', check.lines);
      put('settle_ms', check.settleMs, 200);
      break;
    case 'compile-error':
      put('message', check.message);
      put('lines', check.lines);
      break;
    case 'vet':
      put('analyzer', check.analyzer);
      put('lines', check.lines);
      break;
    case 'escape':
      put('lines', check.lines);
      put('exact', check.exact, true);
      put('not_lines', check.notLines);
      break;
  }
  put('env', check.env);
  put('timeout_seconds', check.timeoutSeconds, 20);
  put('file', check.file, 'main.go');
  return out;
}

function numericRuleToYaml(rule: NumericAnswerRule): Record<string, unknown> {
  const feedback = rule.feedback !== undefined ? { feedback: rule.feedback } : {};
  switch (rule.match) {
    case 'value':
      return { value: rule.value, ...(rule.tolerance !== 0 ? { tolerance: rule.tolerance } : {}), credit: rule.credit, ...feedback };
    case 'range':
      return { min: rule.min, max: rule.max, credit: rule.credit, ...feedback };
    case 'any':
      return { any: true, credit: rule.credit, ...feedback };
  }
}
