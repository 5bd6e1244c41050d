import { loggedPlans, planNodes, postgresLog, renderPlan, shorten, type PlanNode } from './plan-log';

/** A plan as auto_explain prints it (format json): continuation lines start with a tab. */
function logged(ms: string, query: string, plan: object): string {
  const json = JSON.stringify({ 'Query Text': query, Plan: plan }, null, 2).split('\n').join('\n\t');
  return `2026-12-06 22:45:15.206 UTC [4242] LOG:  duration: ${ms} ms  plan:\n\t${json}`;
}

const INDEX_SCAN = {
  'Node Type': 'Index Scan',
  'Relation Name': 'attempts',
  'Index Name': 'attempts_invite_idx',
  'Actual Rows': 0.43,
  'Actual Loops': 700,
  'Actual Total Time': 0.001,
  'Shared Hit Blocks': 1713,
  'Index Cond': '(invite_id = ci.id)',
  Filter: '(NOT beyond_allowance)',
};

const LIMIT_OVER_SEQ_SCAN = {
  'Node Type': 'Limit',
  'Actual Rows': 1,
  'Actual Loops': 1,
  'Actual Total Time': 0.014,
  Plans: [
    {
      'Node Type': 'Seq Scan',
      'Relation Name': 'question_sets',
      'Actual Rows': 1,
      'Actual Loops': 1,
      'Actual Total Time': 0.011,
      'Shared Hit Blocks': 1,
      Filter: "(title = '{not a brace}'::text)",
      'Rows Removed by Filter': 11,
    },
  ],
};

describe('postgresLog', () => {
  it("should keep Postgres's chunks and their continuation lines, and drop request logs and the app's own lines", () => {
    const output = [
      '[goprep] ready: http://127.0.0.1:3000',
      '[goprep] postgres: first line',
      '\tcontinued',
      '{"level":30,"msg":"request completed"}',
      '\tnot postgres any more',
      '[goprep] postgres: second',
      '',
    ].join('\n');
    expect(postgresLog(output)).toBe('first line\n\tcontinuedsecond\n');
  });

  it('should put a plan split over two chunks back together when a request log fell between them', () => {
    const whole = logged('1.250', 'SELECT 1 FROM attempts', INDEX_SCAN);
    const cut = whole.indexOf('attempts_invite_idx') + 5;
    const output = `[goprep] postgres: ${whole.slice(0, cut)}\n{"level":30,"msg":"request completed"}\n[goprep] postgres: ${whole.slice(cut)}\n`;
    const plans = loggedPlans(postgresLog(output));
    expect(plans).toHaveLength(1);
    expect(plans[0]!.Plan['Index Name']).toBe('attempts_invite_idx');
  });

  it('should ignore a partial first line (the output is read from an offset)', () => {
    expect(postgresLog('es: half a line\n[goprep] postgres: next')).toBe('next');
  });
});

describe('loggedPlans', () => {
  it('should read every plan in order, with braces and escaped quotes inside strings', () => {
    const query = `SELECT "x" FROM question_sets WHERE title = '{not a brace}' AND note = 'say \\"hi\\"'`;
    const log = [logged('0.014', query, LIMIT_OVER_SEQ_SCAN), '2026-12-06 22:45:15.207 UTC [4242] LOG:  checkpoint starting: time', logged('10.744', 'SELECT 2', INDEX_SCAN)].join('\n');
    const plans = loggedPlans(log);
    expect(plans.map((p) => p['Query Text'])).toEqual([query, 'SELECT 2']);
    expect(plans[0]!.Plan.Plans![0]!.Filter).toBe("(title = '{not a brace}'::text)");
  });

  it('should stop at a plan whose end has not been written yet', () => {
    const whole = logged('0.5', 'SELECT 3', INDEX_SCAN);
    const log = `${logged('0.1', 'SELECT 1', INDEX_SCAN)}\n${whole.slice(0, whole.length - 10)}`;
    expect(loggedPlans(log).map((p) => p['Query Text'])).toEqual(['SELECT 1']);
  });

  it('should skip a message that only looks like a plan', () => {
    const log = `LOG:  duration: 1.0 ms  plan: {not json}\n${logged('0.2', 'SELECT 4', INDEX_SCAN)}`;
    expect(loggedPlans(log).map((p) => p['Query Text'])).toEqual(['SELECT 4']);
  });

  it('should find nothing in a log without plans', () => {
    expect(loggedPlans('LOG:  database system is ready to accept connections\n')).toEqual([]);
  });
});

describe('renderPlan and planNodes', () => {
  it('should print one line per node, indented, with rows x loops, time, buffers, conditions and filters', () => {
    const plan: PlanNode = { 'Node Type': 'Nested Loop', 'Join Type': 'Left', 'Actual Rows': 700, 'Actual Loops': 1, 'Actual Total Time': 10.744, Plans: [LIMIT_OVER_SEQ_SCAN, INDEX_SCAN] };
    expect(renderPlan(plan)).toEqual([
      'Nested Loop (Left) rows=700 10.744 ms',
      '  -> Limit rows=1 0.014 ms',
      '    -> Seq Scan on question_sets rows=1 0.011 ms buffers hit=1',
      "         filter: (title = '{not a brace}'::text) (11 rows removed)",
      '  -> Index Scan using attempts_invite_idx on attempts rows=0.43 x700 loops 0.001 ms buffers hit=1713',
      '       index: (invite_id = ci.id)',
      '       filter: (NOT beyond_allowance)',
    ]);
    expect(planNodes(plan).map((n) => n['Node Type'])).toEqual(['Nested Loop', 'Limit', 'Seq Scan', 'Index Scan']);
  });

  it('should show blocks read from disk and a sort key with its method', () => {
    const sort: PlanNode = { 'Node Type': 'Sort', 'Actual Rows': 5, 'Actual Loops': 1, 'Actual Total Time': 2, 'Shared Hit Blocks': 3, 'Shared Read Blocks': 4, 'Sort Key': ['a.started_at DESC', 'a.id'], 'Sort Method': 'quicksort' };
    expect(renderPlan(sort)).toEqual(['Sort rows=5 2.000 ms buffers hit=3 read=4', '     sort: a.started_at DESC, a.id (quicksort)']);
  });
});

describe('shorten', () => {
  it('should keep a condition of up to 300 characters and cut a longer one, saying how long it was', () => {
    expect(shorten('x'.repeat(300))).toBe('x'.repeat(300));
    const ids = `(id = ANY ('{${Array.from({ length: 7000 }, (_, i) => String(i).padStart(36, '0')).join(',')}}'::uuid[]))`;
    expect(shorten(ids)).toBe(`${ids.slice(0, 300)}... (${ids.length} characters)`);
  });
});
