import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { QUESTION_TYPES, type QuestionType, type TopicId } from '../model';
import { TOPIC_ID_PREFIX } from '../schema/consistency';

export interface ScaffoldOptions {
  bankDir: string;
  topic: TopicId;
  type: QuestionType;
  id?: string;
}

export interface ScaffoldResult {
  id: string;
  files: string[];
}

const CODE_TYPES: readonly QuestionType[] = ['code-output', 'code-lines'];

// A program whose behaviour matches the scaffolded key, so a fresh scaffold already verifies.
const OUTPUT_PROGRAM = `package main

import "fmt"

func main() {
	fmt.Println("TODO")
}
`;

// Line 6 is where main blocks forever; the scaffolded key and deadlock check point at it.
const LINES_PROGRAM = `package main

func main() {
	ch := make(chan int)
	// TODO: replace with the program the question is about.
	<-ch
}
`;

function typeFields(type: QuestionType): string {
  switch (type) {
    case 'single':
      return 'options:\n  - id: a\n    text: TODO the correct option\n    correct: true\n    feedback: TODO why it is right\n  - id: b\n    text: TODO a tempting distractor\n    correct: false\n    feedback: TODO why it is tempting but wrong\n';
    case 'multi':
      return 'options:\n  - id: a\n    text: TODO a correct option\n    correct: true\n  - id: b\n    text: TODO another correct option\n    correct: true\n  - id: c\n    text: TODO a tempting distractor\n    correct: false\n';
    case 'true-false':
      return 'answer: true\n';
    case 'short':
      return 'accepted:\n  - TODO\ncase_sensitive: false\n';
    case 'numeric':
      return 'answer: 0\ntolerance: 0\n';
    case 'code-output':
      return 'code: true\noutputs:\n  - "TODO\\n"\nverify:\n  - kind: output\n';
    case 'code-lines':
      return 'code: true\nlines: [6]\nverify:\n  - kind: deadlock\n    lines: [6]\n';
    case 'essay':
      return 'rubric:\n  - TODO first point a grader looks for\n  - TODO second point\n';
    case 'flashcard':
      return '';
    case 'code-task':
      return 'task:\n  package: todo\n  files: [todo.go]\n  imports: [sync]\n  checks: { race: true, leak: true, vet: false }\n  scoring: partial\n  starter_fails: race\n';
    case 'matching':
      return 'pairs:\n  - id: a\n    text: TODO left item\n    match: TODO its right-hand text\n  - id: b\n    text: TODO another left item\n    match: TODO another right-hand text\ndistractors:\n  - TODO a right-hand text that matches nothing\n';
    case 'ordering':
      return 'items: # in the correct order; learners see them shuffled\n  - id: a\n    text: TODO first\n  - id: b\n    text: TODO second\n  - id: c\n    text: TODO third\n';
  }
}

// A code task's folder: the starter races, the solution does not, the tests show it.
const TASK_FILES: Record<string, (id: string) => string> = {
  'go.mod': (id) => `module goprep.dev/task/${id}\n\ngo 1.26\n`,
  'starter/todo.go': () => '// Package todo is TODO.\npackage todo\n\n// Counter counts. TODO: make it safe for concurrent use.\ntype Counter struct{ n int }\n\n// Inc adds one.\nfunc (c *Counter) Inc() { c.n++ }\n\n// Value returns the count.\nfunc (c *Counter) Value() int { return c.n }\n',
  'solution/todo.go':
    () =>
      '// Package todo is TODO.\npackage todo\n\nimport "sync"\n\n// Counter counts. TODO: make it safe for concurrent use.\ntype Counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n// Inc adds one.\nfunc (c *Counter) Inc() {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.n++\n}\n\n// Value returns the count.\nfunc (c *Counter) Value() int {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\treturn c.n\n}\n',
  'tests/visible_test.go': () => 'package todo\n\nimport "testing"\n\nfunc TestZero(t *testing.T) {\n\tvar c Counter\n\tif c.Value() != 0 {\n\t\tt.Fatal("want 0")\n\t}\n}\n',
  'tests/hidden_test.go':
    () =>
      'package todo\n\nimport (\n\t"sync"\n\t"testing"\n)\n\nfunc TestZeroHidden(t *testing.T) {\n\tvar c Counter\n\tif c.Value() != 0 {\n\t\tt.Fatal("want 0")\n\t}\n}\n\nfunc TestConcurrent(t *testing.T) {\n\tvar c Counter\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tc.Inc()\n\t\t}()\n\t}\n\twg.Wait()\n\tif c.Value() != 4 {\n\t\tt.Fatalf("got %d, want 4", c.Value())\n\t}\n}\n',
};

/** The Markdown of a new question: valid front matter, TODO text to replace. */
export function questionTemplate(id: string, topic: TopicId, type: QuestionType): string {
  const answer = type === 'flashcard' ? '## Answer\nTODO the back of the card.\n\n' : '';
  return `---
id: ${id}
title: TODO short title
topic: ${topic}
subtopic: todo
type: ${type}
difficulty: 2
tags: [todo]
go_version: "1.26"
expected_seconds: 60
references:
  - https://go.dev/ref/spec
${typeFields(type)}draft: true
---
TODO the prompt.

${answer}## Explanation
TODO why the key is right. TODO why each distractor is tempting. TODO why it is wrong.
`;
}

function nextFreeId(bankDir: string, topic: TopicId, type: QuestionType): string {
  const taken = new Set(existsSync(join(bankDir, topic)) ? readdirSync(join(bankDir, topic)) : []);
  for (let n = 1; ; n += 1) {
    const id = `${TOPIC_ID_PREFIX[topic]}todo-${type}-${n}`;
    if (!taken.has(`${id}.md`) && !taken.has(id)) return id;
  }
}

/** Writes `<topic>/<id>.md` (and `<id>/main.go` for code types); refuses to overwrite anything. */
export function scaffoldQuestion(options: ScaffoldOptions): ScaffoldResult {
  if (!QUESTION_TYPES.includes(options.type)) throw new Error(`unknown type "${options.type}" (types: ${QUESTION_TYPES.join(', ')})`);
  const prefix = TOPIC_ID_PREFIX[options.topic];
  if (!prefix) throw new Error(`unknown topic "${options.topic}"`);
  const id = options.id ?? nextFreeId(options.bankDir, options.topic, options.type);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length < 3 || id.length > 80) throw new Error(`id "${id}" must be kebab-case, 3-80 characters`);
  if (!id.startsWith(prefix)) throw new Error(`id "${id}" of a ${options.topic} question must start with "${prefix}"`);
  const topicDir = join(options.bankDir, options.topic);
  const markdown = join(topicDir, `${id}.md`);
  const programDir = join(topicDir, id);
  if (existsSync(markdown) || existsSync(programDir)) throw new Error(`${id} already exists in ${topicDir}`);
  mkdirSync(topicDir, { recursive: true });
  writeFileSync(markdown, questionTemplate(id, options.topic, options.type), { flag: 'wx' });
  const files = [markdown];
  if (CODE_TYPES.includes(options.type)) {
    mkdirSync(programDir);
    const mainGo = join(programDir, 'main.go');
    writeFileSync(mainGo, options.type === 'code-output' ? OUTPUT_PROGRAM : LINES_PROGRAM, { flag: 'wx' });
    files.push(mainGo);
  }
  if (options.type === 'code-task') {
    for (const [relative, content] of Object.entries(TASK_FILES)) {
      const path = join(programDir, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content(id), { flag: 'wx' });
      files.push(path);
    }
  }
  return { id, files };
}
