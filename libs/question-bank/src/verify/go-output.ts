/*
 * Parsers for what the Go toolchain and runtime print: goroutine dumps (deadlock, leak harness),
 * race reports, `go vet -json`, `-gcflags=-m` and compiler errors.
 */

export interface Frame {
  func: string;
  file: string;
  line: number;
}

export interface Goroutine {
  id: number;
  /** The wait reason without the duration or "locked to thread" suffixes, e.g. `chan send`. */
  state: string;
  /** Innermost first; the "created by" frame is not part of the stack. */
  frames: Frame[];
  createdBy?: Frame;
}

const HEADER = /^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[([^\]]*)\]:\s*$/;
const LOCATION = /^\t(.+?):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=.*)?$/;

/** Parses every `goroutine N [state]:` block of a runtime stack dump. */
export function parseGoroutineDump(text: string): Goroutine[] {
  const goroutines: Goroutine[] = [];
  const lines = text.split('\n');
  let current: Goroutine | undefined;
  let pendingFunc: string | undefined;
  let inCreatedBy = false;
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header) {
      current = { id: Number(header[1]), state: (header[2] ?? '').split(',')[0]?.trim() ?? '', frames: [] };
      goroutines.push(current);
      pendingFunc = undefined;
      inCreatedBy = false;
      continue;
    }
    if (!current) continue;
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const location = LOCATION.exec(line);
    if (location && pendingFunc !== undefined) {
      const frame = { func: pendingFunc, file: location[1] ?? '', line: Number(location[2]) };
      if (inCreatedBy) current.createdBy = frame;
      else current.frames.push(frame);
      pendingFunc = undefined;
      continue;
    }
    if (line.startsWith('created by ')) {
      inCreatedBy = true;
      pendingFunc = line.slice('created by '.length);
      continue;
    }
    if (!line.startsWith('\t') && !line.startsWith('...')) pendingFunc = line;
  }
  return goroutines;
}

/**
 * Wait reasons that mean "blocked on synchronisation": channel operations, select, sync
 * primitives, semaphores and network IO. Sleeping, running and runtime-internal waits do not count.
 */
export function isBlockedState(state: string): boolean {
  const base = state.replace(/\s*\(.*\)\s*$/, '').trim();
  return (
    base === 'chan send' ||
    base === 'chan receive' ||
    base === 'select' ||
    base === 'semacquire' ||
    base === 'IO wait' ||
    base.startsWith('sync.') ||
    base.startsWith('synctest.')
  );
}

/** The line of the innermost frame in `file` (compared by path), if the stack passes through it. */
export function innermostLine(goroutine: Goroutine, isFile: (path: string) => boolean): number | undefined {
  return goroutine.frames.find((frame) => isFile(frame.file))?.line;
}

export const RACE_WARNING = 'WARNING: DATA RACE';

/** Lines of `file` that appear as frames in the race reports of `stderr`. */
export function raceReportLines(stderr: string, isFile: (path: string) => boolean): { reports: number; lines: Set<number> } {
  const lines = new Set<number>();
  let reports = 0;
  // Reports are framed by lines of `=`; everything between the markers belongs to one report.
  const blocks = stderr.split(/^={10,}\s*$/m);
  for (const block of blocks) {
    if (!block.includes(RACE_WARNING)) continue;
    reports += 1;
    for (const match of block.matchAll(/^\s+(\S+?):(\d+)(?: \+0x[0-9a-f]+)?\s*$/gm)) {
      if (match[1] && isFile(match[1])) lines.add(Number(match[2]));
    }
  }
  return { reports, lines };
}

/** Lines `N` of every `main.go:N:` position in compiler or vet output (any directory prefix). */
export function mainGoPositions(output: string, fileName = 'main.go'): Set<number> {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?:^|[\\s/(])${escaped}:(\\d+):`, 'gm');
  return new Set([...output.matchAll(pattern)].map((match) => Number(match[1])));
}

/** main.go lines that `go build -gcflags=-m` reports as escaping ("escapes to heap", "moved to heap"). */
export function escapeLines(output: string, fileName = 'main.go'): Map<number, string[]> {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(?:.*/)?${escaped}:(\\d+):\\d+: (.*)$`, 'gm');
  const lines = new Map<number, string[]>();
  for (const match of output.matchAll(pattern)) {
    const message = match[2] ?? '';
    if (!/escapes to heap|moved to heap/.test(message)) continue;
    const line = Number(match[1]);
    lines.set(line, [...(lines.get(line) ?? []), message]);
  }
  return lines;
}

export interface VetDiagnostic {
  analyzer: string;
  file: string;
  line: number;
  message: string;
}

/**
 * `go vet -json` prints `# package` comments and one JSON object per package:
 * `{ "<pkg>": { "<analyzer>": [ { "posn": "file:line:col", "message": "..." } ] } }`.
 */
export function parseVetJson(output: string): VetDiagnostic[] {
  const diagnostics: VetDiagnostic[] = [];
  for (const objectText of topLevelJsonObjects(output)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(objectText);
    } catch {
      continue;
    }
    if (!isRecord(parsed)) continue;
    for (const analyzers of Object.values(parsed)) {
      if (!isRecord(analyzers)) continue;
      for (const [analyzer, entries] of Object.entries(analyzers)) {
        if (!Array.isArray(entries)) continue;
        for (const entry of entries) {
          if (!isRecord(entry) || typeof entry['posn'] !== 'string') continue;
          const position = /^(.*?):(\d+)(?::\d+)?$/.exec(entry['posn']);
          diagnostics.push({
            analyzer,
            file: position?.[1] ?? entry['posn'],
            line: position ? Number(position[2]) : 0,
            message: typeof entry['message'] === 'string' ? entry['message'] : '',
          });
        }
      }
    }
  }
  return diagnostics;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Splits text into its balanced top-level `{...}` blocks, respecting JSON strings. */
function topLevelJsonObjects(text: string): string[] {
  const objects: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"' && depth > 0) inString = true;
    else if (char === '{') {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) objects.push(text.slice(start, index + 1));
    }
  }
  return objects;
}
