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

/** One memory access of a race report: `Read at ...`, `Previous write at ...`, `Atomic write at ...`. */
export interface RaceAccess {
  /** The header's verb, e.g. `Read`, `Previous write`, `Atomic read`. */
  access: string;
  /** `goroutine 7` or `main goroutine`. */
  by: string;
  /** The stack of the access, innermost first. */
  frames: Frame[];
}

export interface RaceReport {
  /** Exactly two per report: the current access and the previous one it conflicts with. */
  accesses: RaceAccess[];
}

// The race runtime (ThreadSanitizer's Go mode) names the current access `Read`, `Write`,
// `Atomic read` or `Atomic write`, and the earlier one the same with `Previous ` in front.
const RACE_ACCESS = /^((?:Previous )?(?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite)) at 0x[0-9a-fA-F]+ by (.+?):\s*$/;
const RACE_LOCATION = /^\s+(\S+?):(\d+)(?: \+0x[0-9a-f]+)?\s*$/;

/**
 * Parses every `WARNING: DATA RACE` report of `stderr` into its accesses. Other sections of a
 * report (`Goroutine 7 (running) created at:`) are skipped: where a goroutine was started is not
 * where it raced.
 */
export function parseRaceReports(stderr: string): RaceReport[] {
  const reports: RaceReport[] = [];
  // Reports are framed by lines of `=`; everything between the markers belongs to one report.
  for (const block of stderr.split(/^={10,}\s*$/m)) {
    if (!block.includes(RACE_WARNING)) continue;
    const report: RaceReport = { accesses: [] };
    reports.push(report);
    let current: RaceAccess | undefined;
    let pendingFunc: string | undefined;
    for (const line of block.split('\n')) {
      const header = RACE_ACCESS.exec(line);
      if (header) {
        current = { access: header[1] ?? '', by: header[2] ?? '', frames: [] };
        report.accesses.push(current);
        pendingFunc = undefined;
        continue;
      }
      // Any other unindented line opens a section that is not an access (or ends the report).
      if (line.trim() !== '' && !/^\s/.test(line)) {
        current = undefined;
        continue;
      }
      if (!current) continue;
      const location = RACE_LOCATION.exec(line);
      if (location && pendingFunc !== undefined) {
        current.frames.push({ func: pendingFunc, file: location[1] ?? '', line: Number(location[2]) });
        pendingFunc = undefined;
      } else if (line.trim() !== '') {
        pendingFunc = line.trim();
      }
    }
  }
  return reports;
}

export interface RaceLines {
  reports: number;
  /** The innermost line of `file` of every access of every report. */
  lines: Set<number>;
  /** Accesses with no frame in `file` (all in the runtime or a library), described for messages. */
  outside: string[];
}

/** The lines of `file` where the reported racing accesses happen (innermost frame in `file`). */
export function raceAccessLines(stderr: string, isFile: (path: string) => boolean): RaceLines {
  const reports = parseRaceReports(stderr);
  const lines = new Set<number>();
  const outside: string[] = [];
  for (const report of reports) {
    for (const access of report.accesses) {
      const line = access.frames.find((frame) => isFile(frame.file))?.line;
      if (line !== undefined) lines.add(line);
      else {
        const top = access.frames[0];
        const where = top ? `${top.func.replace(/\(.*\)$/, '')} ${top.file}:${top.line}` : 'an unknown place';
        if (!outside.includes(`${access.access} in ${where}`)) outside.push(`${access.access} in ${where}`);
      }
    }
  }
  return { reports: reports.length, lines, outside };
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
