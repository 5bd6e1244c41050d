import { spawn } from 'node:child_process';

export interface ToolProblem {
  file: string;
  line: number;
  message: string;
}

export interface CheckAnswer {
  syntaxErrors: ToolProblem[];
  problems: ToolProblem[];
}

export interface HarnessAnswer {
  files: Record<string, string>;
  tests: string[];
  /** Import paths of the test files. */
  imports: string[];
  problems: ToolProblem[];
}

/** Largest request the helper accepts: the judge refuses bigger submissions before parsing. */
export const TOOL_INPUT_LIMIT = 4 * 1024 * 1024;

/**
 * Runs the judge's Go helper (go/parser only: it never compiles or executes what it reads) with a
 * JSON request and a time cap.
 */
export function callTool<T>(toolPath: string, command: 'check' | 'harness', request: unknown, timeoutMs = 15_000): Promise<T> {
  const input = JSON.stringify(request);
  if (input.length > TOOL_INPUT_LIMIT) return Promise.reject(new Error('request too large'));
  return new Promise<T>((resolve, reject) => {
    const child = spawn(toolPath, [command], { stdio: ['pipe', 'pipe', 'pipe'], env: { GOMAXPROCS: '1' } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`judge-tool ${command} failed (${code}): ${stderr.trim()}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as T);
      } catch (error) {
        reject(error as Error);
      }
    });
    child.stdin.end(input);
  });
}
