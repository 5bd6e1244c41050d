/**
 * Reading Postgres's auto_explain output (log_format json) out of a server log, and printing a plan
 * tree compactly: what `npm run bench -- paging` writes into docs/performance/plans-paging/.
 */
/** One statement as auto_explain logged it (format json). */
export interface LoggedPlan {
  'Query Text': string;
  Plan: PlanNode;
  'Planning Time'?: number;
  'Execution Time'?: number;
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Join Type'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Sort Method'?: string;
  'Sort Key'?: string[];
  Filter?: string;
  'Index Cond'?: string;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

const LONGEST = 300;

/** A condition as Postgres printed it, cut after LONGEST characters (an `= ANY` of 7,000 ids is 260 KB). */
export function shorten(text: string): string {
  return text.length <= LONGEST ? text : `${text.slice(0, LONGEST)}... (${text.length} characters)`;
}

/** A plan tree as indented text: node, relation / index, rows x loops, time, buffers. */
export function renderPlan(node: PlanNode, depth = 0): string[] {
  const on = node['Index Name']
    ? ` using ${node['Index Name']} on ${node['Relation Name'] ?? '?'}`
    : node['Relation Name']
      ? ` on ${node['Relation Name']}`
      : '';
  const join = node['Join Type'] && node['Join Type'] !== 'Inner' ? ` (${node['Join Type']})` : '';
  const rows =
    node['Actual Rows'] === undefined
      ? ''
      : ` rows=${node['Actual Rows']}${(node['Actual Loops'] ?? 1) > 1 ? ` x${node['Actual Loops']} loops` : ''}`;
  const time = node['Actual Total Time'] === undefined ? '' : ` ${node['Actual Total Time'].toFixed(3)} ms`;
  const buffers =
    node['Shared Hit Blocks'] || node['Shared Read Blocks']
      ? ` buffers hit=${node['Shared Hit Blocks'] ?? 0}${node['Shared Read Blocks'] ? ` read=${node['Shared Read Blocks']}` : ''}`
      : '';
  const pad = '  '.repeat(depth);
  const lines = [`${pad}${depth > 0 ? '-> ' : ''}${node['Node Type']}${join}${on}${rows}${time}${buffers}`];
  if (node['Index Cond']) lines.push(`${pad}     index: ${shorten(node['Index Cond'])}`);
  if (node.Filter)
    lines.push(
      `${pad}     filter: ${shorten(node.Filter)}${node['Rows Removed by Filter'] ? ` (${node['Rows Removed by Filter']} rows removed)` : ''}`,
    );
  if (node['Sort Key'])
    lines.push(
      `${pad}     sort: ${node['Sort Key'].join(', ')}${node['Sort Method'] ? ` (${node['Sort Method']})` : ''}`,
    );
  for (const child of node.Plans ?? []) lines.push(...renderPlan(child, depth + 1));
  return lines;
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/**
 * The plans auto_explain wrote into `log` (the API's output since the request began): each
 * "duration: N ms  plan:" followed by one JSON document.
 */
export function loggedPlans(log: string): LoggedPlan[] {
  const out: LoggedPlan[] = [];
  const marker = /duration: [\d.]+ ms\s+plan:\s*/g;
  for (let m = marker.exec(log); m; m = marker.exec(log)) {
    const start = log.indexOf('{', m.index + m[0].length - 1);
    if (start < 0) break;
    // The JSON document ends where its braces balance (strings may hold braces: skip them).
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let i = start; i < log.length; i += 1) {
      const ch = log[i];
      if (inString) {
        if (ch === '\\') i += 1;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth += 1;
      else if (ch === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) break;
    try {
      out.push(JSON.parse(log.slice(start, end)) as LoggedPlan);
    } catch {
      // Not a plan after all (a message that only looks like one): skip it.
    }
    marker.lastIndex = end;
  }
  return out;
}

const PG_PREFIX = '[goprep] postgres: ';

/**
 * The server's own log out of the API's output (LOG_LEVEL=debug): the API writes each chunk
 * Postgres printed as one `[goprep] postgres: <chunk>` write, its continuation lines as they are
 * (Postgres starts them with a tab), while request logs (JSON lines) and other `[goprep]` lines
 * may fall between two chunks of one long plan. Chunks are joined without a separator: the API
 * trimmed them, and JSON needs no whitespace between tokens.
 */
export function postgresLog(output: string): string {
  let log = '';
  let inPostgres = false;
  for (const line of output.split('\n')) {
    if (line.startsWith(PG_PREFIX)) {
      log += line.slice(PG_PREFIX.length);
      inPostgres = true;
    } else if (line.startsWith('[goprep] ') || line.startsWith('{')) {
      inPostgres = false;
    } else if (inPostgres) {
      log += `\n${line}`;
    }
  }
  return log;
}
