/** Marks where the harness's dump starts, so whatever the program itself wrote to stderr is skipped. */
export const DUMP_MARKER = '=== goprep goroutine dump ===';

export const HARNESS_FILE = 'zz_goprep_harness.go';

/** What the harness imports, for compiling the bank's shared dependencies ahead of time. */
export const LEAK_HARNESS_IMPORTS = ['os', 'runtime', 'time'] as const;

const MAIN_DECL = /^func main\(\)/m;

/**
 * Renames `func main()` to `func goprepQuestionMain()` on the same line, so every line number of
 * the program holds in the dump. Returns undefined when the program has no `func main()`.
 */
export function renameMain(source: string): string | undefined {
  if (!MAIN_DECL.test(source)) return undefined;
  return source.replace(MAIN_DECL, 'func goprepQuestionMain()');
}

/** The harness: run the question's main, let goroutines settle, dump every goroutine to stderr. */
export function harnessSource(settleMs: number): string {
  return `package main

import (
	"os"
	"runtime"
	"time"
)

func main() {
	goprepQuestionMain()
	time.Sleep(${Math.max(0, Math.round(settleMs))} * time.Millisecond)
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	os.Stderr.WriteString("\\n${DUMP_MARKER}\\n")
	os.Stderr.Write(buf)
}
`;
}
