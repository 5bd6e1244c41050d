import type { BankQuestion } from '../../model';

/** Bank questions of every type, as the parser would produce them, for export and round-trip tests. */
const common = {
  difficulty: 2 as const,
  goVersion: '1.26',
  expectedSeconds: 60,
  references: ['https://go.dev/ref/spec#Channel_types'],
  verify: [],
  draft: false,
  contentHash: 'fixture',
};

export const single: BankQuestion = {
  ...common,
  id: 'ch-nil-receive',
  title: 'Receive from a nil channel',
  topic: 'channels',
  subtopic: 'nil-channels',
  type: 'single',
  tags: ['nil-channel', 'blocking'],
  prompt: 'What does `<-ch` do when `ch` is `nil`?',
  explanation: 'A nil channel is never ready. The receive blocks forever. Only close panics on nil.',
  options: [
    { id: 'a', text: 'It blocks forever', correct: true, feedback: 'Right: a nil channel is never ready.' },
    { id: 'b', text: 'It panics', correct: false, feedback: 'Only `close(ch)` panics on a nil channel.' },
    { id: 'c', text: 'It returns the zero value', correct: false },
  ],
  key: { type: 'single', correct: 'a' },
  sourcePath: 'libs/question-bank/bank/channels/ch-nil-receive.md',
};

export const multi: BankQuestion = {
  ...common,
  id: 'mm-sync-edges',
  title: 'Happens-before edges',
  topic: 'memory-model',
  subtopic: 'happens-before',
  type: 'multi',
  tags: ['happens-before'],
  prompt: 'Which of these create a happens-before edge? Pick all that apply.',
  explanation: 'Channel operations and mutexes synchronise. Plain writes do not. Sleeping is not synchronisation.',
  options: [
    { id: 'a', text: 'a send and its matching receive', correct: true },
    { id: 'b', text: '`mu.Unlock()` and a later `mu.Lock()`', correct: true },
    { id: 'c', text: '`time.Sleep(time.Second)`', correct: false, feedback: 'Sleeping orders nothing.' },
    { id: 'd', text: 'two plain writes', correct: false },
  ],
  key: { type: 'multi', correct: ['a', 'b'] },
  sourcePath: 'libs/question-bank/bank/memory-model/mm-sync-edges.md',
};

export const trueFalse: BankQuestion = {
  ...common,
  id: 'ch-close-twice-panics',
  title: 'Closing twice',
  topic: 'channels',
  subtopic: 'close',
  type: 'true-false',
  tags: ['close'],
  prompt: 'Closing an already closed channel panics.',
  explanation: 'The runtime panics with "close of closed channel". It does so every time. Use sync.Once to close once.',
  key: { type: 'true-false', answer: true },
  sourcePath: 'libs/question-bank/bank/channels/ch-close-twice-panics.md',
};

export const short: BankQuestion = {
  ...common,
  id: 'gc-memory-limit-variable',
  title: 'Soft memory limit: {variable} = ?',
  topic: 'gc-tuning',
  subtopic: 'memory-limit',
  type: 'short',
  tags: ['gomemlimit'],
  prompt: 'Which environment variable sets the soft memory limit? Special characters: ~ = # { } : \\ done.',
  explanation: 'GOMEMLIMIT sets it. It is soft: the GC works harder near it. It pairs with GOGC.',
  key: { type: 'short', accepted: ['GOMEMLIMIT', 'GOMEMLIMIT=…'], caseSensitive: true },
  sourcePath: 'libs/question-bank/bank/gc-tuning/gc-memory-limit-variable.md',
};

export const shortWithPattern: BankQuestion = {
  ...short,
  id: 'gc-set-memory-limit',
  title: 'Setting the limit from code',
  prompt: 'Which function sets the memory limit from code?',
  key: { type: 'short', accepted: ['debug.SetMemoryLimit'], caseSensitive: false, pattern: '(runtime/)?debug\\.SetMemoryLimit(\\(\\))?' },
  sourcePath: 'libs/question-bank/bank/gc-tuning/gc-set-memory-limit.md',
};

export const numeric: BankQuestion = {
  ...common,
  id: 'gc-default-gogc',
  title: 'Default GOGC',
  topic: 'gc-tuning',
  subtopic: 'gogc',
  type: 'numeric',
  tags: ['gogc'],
  prompt: 'What is the default GOGC value?',
  explanation: 'GOGC defaults to 100. The heap may grow by 100% before the next cycle. Setting off disables it.',
  unit: '%',
  key: { type: 'numeric', answer: 100, tolerance: 0.5 },
  sourcePath: 'libs/question-bank/bank/gc-tuning/gc-default-gogc.md',
};

export const essay: BankQuestion = {
  ...common,
  id: 'ts-tail-vs-head',
  title: 'Tail or head sampling',
  topic: 'trace-sampling',
  subtopic: 'tail-sampling',
  type: 'essay',
  tags: ['tail-sampling', 'head-sampling'],
  expectedSeconds: 600,
  prompt: 'When would you choose tail sampling over head sampling?',
  explanation: 'Tail sampling sees the whole trace. It costs buffering. Head sampling is cheap but blind.',
  key: { type: 'essay', rubric: ['names the collector buffering cost', 'keeps errors and slow traces'] },
  sourcePath: 'libs/question-bank/bank/trace-sampling/ts-tail-vs-head.md',
};

const program = [
  'package main',
  '',
  'import "fmt"',
  '',
  'func main() {',
  '\t// a comment line that GIFT must not swallow',
  '\tch := make(chan int, 1)',
  '\tch <- 1',
  '\tfmt.Println(len(ch), cap(ch))',
  '}',
  '',
].join('\n');

export const singleWithCode: BankQuestion = {
  ...single,
  id: 'ch-len-cap-choice',
  title: 'len and cap of a buffered channel',
  prompt: 'What does the program print?',
  options: [
    { id: 'a', text: '1 1', correct: true },
    { id: 'b', text: '0 1', correct: false },
  ],
  key: { type: 'single', correct: 'a' },
  code: program,
  verify: [{ kind: 'output', exitCode: 0, runs: 1, stdoutAny: ['1 1\n'], timeoutSeconds: 20, file: 'main.go' }],
  sourcePath: 'libs/question-bank/bank/channels/ch-len-cap-choice.md',
};

export const codeOutput: BankQuestion = {
  ...common,
  id: 'ch-len-cap',
  title: 'len and cap',
  topic: 'channels',
  subtopic: 'buffered',
  type: 'code-output',
  tags: ['buffered-channel'],
  prompt: 'What does the program print?',
  explanation: 'One element is queued. The capacity is one. So it prints 1 1.',
  code: program,
  key: { type: 'code-output', outputs: ['1 1\n'] },
  verify: [{ kind: 'output', exitCode: 0, runs: 1, timeoutSeconds: 20, file: 'main.go' }],
  sourcePath: 'libs/question-bank/bank/channels/ch-len-cap.md',
};

export const codeLines: BankQuestion = {
  ...common,
  id: 'ch-blocking-send',
  title: 'Where does it block?',
  topic: 'channels',
  subtopic: 'buffered',
  type: 'code-lines',
  tags: ['deadlock'],
  prompt: 'Click the line that would block if the buffer were full.',
  explanation: 'The send on line 8 needs room in the buffer. The others never block. Line 9 only reads lengths.',
  code: program,
  key: { type: 'code-lines', lines: [8] },
  verify: [{ kind: 'deadlock', lines: [8], timeoutSeconds: 20, file: 'main.go' }],
  sourcePath: 'libs/question-bank/bank/channels/ch-blocking-send.md',
};

export const flashcard: BankQuestion = {
  ...common,
  id: 'gl-goroutineleak-profile',
  title: 'The goroutineleak profile',
  topic: 'goroutine-leaks',
  subtopic: 'profiles',
  type: 'flashcard',
  tags: ['pprof'],
  prompt: 'Which Go 1.26 profile reports leaked goroutines?',
  explanation: 'Go 1.26 adds it. It uses the GC to find unreachable blocked goroutines. It is experimental.',
  key: { type: 'flashcard', answer: 'goroutineleak' },
  sourcePath: 'libs/question-bank/bank/goroutine-leaks/gl-goroutineleak-profile.md',
};

export const ALL: BankQuestion[] = [single, multi, trueFalse, short, shortWithPattern, numeric, essay, singleWithCode, codeOutput, codeLines, flashcard];
