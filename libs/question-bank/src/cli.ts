import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GoToolchainError } from './go/toolchain';
import { exportQuestions, hasErrors, importQuestions, INTERCHANGE_FORMATS, toQuestionFiles, type InterchangeFormat, type InterchangeProblem } from './interchange';
import { formatProblem, lintBank } from './lint/lint-bank';
import { QUESTION_TYPES, TOPIC_IDS, type QuestionType, type TopicId } from './model';
import { loadBank } from './parse/load-bank';
import { defaultBankDir, displayPath, findRepoRoot } from './parse/paths';
import { scaffoldQuestion } from './scaffold/new-question';
import { writeQuestionJsonSchema } from './schema/json-schema';
import { bankStats } from './stats/bank-stats';
import { assembleTemplates, formatTemplateLevelCheck } from './templates/assemble';
import { defaultTemplatesDir, loadTemplates } from './templates/load-templates';
import type { QuestionVerifyResult } from './verify/types';
import { verifyBank } from './verify/verify-bank';

const USAGE = `usage: npm run bank -- <command> [options]

commands:
  lint                                   check every file of the bank against docs/question-format.md
  verify [--topic t] [--id q] [--concurrency n] [--drafts]
                                         prove every verify check with the Go toolchain
  stats [--json] [--drafts]              counts per topic, type and difficulty
  new --topic t --type <type> [--id id]  scaffold a question (and main.go for code types)
  schema [--out file]                    write question.schema.json
  export --format json|gift|moodle-xml [--topic t]
  import --format gift|moodle-xml|json <file> [--topic t]
  templates [--seed n] [--templates dir]
                                         draw every role template x level; report pools the bank cannot fill
  load                                   upsert the bank into Postgres (DATABASE_URL, or the embedded one
                                         under .data/, also while the app runs): migrations first

every command accepts --bank <dir> (default: libs/question-bank/bank)`;

/** Exit codes: 0 ok, 1 problems or failed checks, 2 usage error or missing Go toolchain. */
export type ExitCode = 0 | 1 | 2;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

class UsageError extends Error {}

export async function main(argv: readonly string[], io: Io = consoleIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'stats':
        return statsCommand(rest, io);
      case 'new':
        return newCommand(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'templates':
        return templatesCommand(rest, io);
      case 'load':
        return loadCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof GoToolchainError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && process.env['GOPREP_DEBUG'] === undefined) {
      // Setup errors (no bank folder, no go.mod) are for people, not for a stack trace.
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

const bankOption = { bank: { type: 'string' } } as const;

async function lintCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({ args: [...args], options: bankOption, strict: true });
  const result = await lintBank(defaultBankDir(values.bank));
  for (const problem of result.problems) io.out(formatProblem(problem));
  io.out(`${result.files} files, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  return result.problems.length > 0 ? 1 : 0;
}

function describe(result: QuestionVerifyResult): string[] {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const lines = [`${result.passed ? 'PASS' : 'FAIL'} ${result.topic}/${result.id} (${seconds} s)`];
  for (const check of result.checks) {
    if (check.passed) continue;
    const [first, ...more] = check.reason.split('\n');
    lines.push(`  ${check.kind} #${check.index + 1}: ${first ?? ''}`, ...more.map((line) => `      ${line}`));
  }
  return lines;
}

async function verifyCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { ...bankOption, topic: { type: 'string' }, id: { type: 'string' }, concurrency: { type: 'string' }, drafts: { type: 'boolean' } },
    strict: true,
  });
  const concurrency = values.concurrency !== undefined ? Number(values.concurrency) : undefined;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) throw new UsageError('--concurrency must be a positive integer');
  const topic = topicOption(values.topic);
  const report = await verifyBank(defaultBankDir(values.bank), {
    ...(topic !== undefined ? { topic } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(values.drafts ? { includeDrafts: true } : {}),
    onStart: (plan) => io.out(`verifying ${plan.questions} question(s) with ${plan.goVersion}, ${plan.concurrency} at a time`),
    onResult: (result) => describe(result).forEach((line) => io.out(line)),
    onPhaseStart: (name) => io.out(`phase ${name}: started`),
    onPhase: (phase) => io.out(`phase ${phase.name}: ${(phase.durationMs / 1000).toFixed(1)} s${phase.detail ? ` (${phase.detail})` : ''}`),
  });
  if (report.problems.length > 0) {
    io.err(`warning: ${report.problems.length} problem(s) in the bank files; those questions were not verified (run \`npm run bank -- lint\`)`);
  }
  if (values.id !== undefined && report.results.length === 0) io.err(`warning: no verifiable question with id "${values.id}"`);
  io.out(`${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 ? 1 : 0;
}

function statsCommand(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({ args: [...args], options: { ...bankOption, json: { type: 'boolean' }, drafts: { type: 'boolean' } }, strict: true });
  const bank = loadBank(defaultBankDir(values.bank), values.drafts ? { includeDrafts: true } : {});
  const stats = bankStats(bank);
  if (values.json) {
    io.out(JSON.stringify(stats));
  } else {
    io.out(`${stats.questions} questions (${stats.codeQuestions} with code, ${stats.verifiable} verifiable)`);
    for (const [label, counts] of [['topic', stats.byTopic], ['type', stats.byType], ['difficulty', stats.byDifficulty]] as const) {
      io.out(`by ${label}: ${Object.entries(counts).map(([key, count]) => `${key} ${count}`).join(', ')}`);
    }
  }
  if (bank.problems.length > 0) io.err(`warning: ${bank.problems.length} problem(s) in the bank files; those questions are not counted`);
  return 0;
}

function newCommand(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({
    args: [...args],
    options: { ...bankOption, topic: { type: 'string' }, type: { type: 'string' }, id: { type: 'string' } },
    strict: true,
  });
  if (!values.topic || !(TOPIC_IDS as readonly string[]).includes(values.topic)) throw new UsageError(`--topic must be one of ${TOPIC_IDS.join(', ')}`);
  if (!values.type || !(QUESTION_TYPES as readonly string[]).includes(values.type)) throw new UsageError(`--type must be one of ${QUESTION_TYPES.join(', ')}`);
  const result = scaffoldQuestion({
    bankDir: defaultBankDir(values.bank),
    topic: values.topic as TopicId,
    type: values.type as QuestionType,
    ...(values.id !== undefined ? { id: values.id } : {}),
  });
  for (const file of result.files) io.out(displayPath(file));
  return 0;
}

function schemaCommand(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({ args: [...args], options: { out: { type: 'string' } }, strict: true });
  io.out(displayPath(writeQuestionJsonSchema(values.out)));
  return 0;
}

const formatInterchangeProblem = (problem: InterchangeProblem): string =>
  `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}: ${problem.severity}: ${problem.message}`;

function interchangeFormat(value: string | undefined): InterchangeFormat {
  const format = INTERCHANGE_FORMATS.find((known) => known === value);
  if (!format) throw new UsageError(`--format must be one of ${INTERCHANGE_FORMATS.join(', ')}`);
  return format;
}

function topicOption(value: string | undefined): TopicId | undefined {
  if (value === undefined) return undefined;
  if (!(TOPIC_IDS as readonly string[]).includes(value)) throw new UsageError(`--topic must be one of ${TOPIC_IDS.join(', ')}`);
  return value as TopicId;
}

async function exportCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({ args: [...args], options: { ...bankOption, format: { type: 'string' }, topic: { type: 'string' } }, strict: true });
  const format = interchangeFormat(values.format);
  const topic = topicOption(values.topic);
  const bank = loadBank(defaultBankDir(values.bank), topic !== undefined ? { topic } : {});
  if (bank.problems.length > 0) io.err(`warning: ${bank.problems.length} problem(s) in the bank files; those questions are not exported`);
  const result = exportQuestions(bank.questions, format);
  // Problems go to stderr so `> file` captures only the export.
  for (const problem of result.problems) io.err(formatInterchangeProblem(problem));
  io.out(result.text.replace(/\n$/, ''));
  return hasErrors(result.problems) ? 1 : 0;
}

/** Imports all or nothing: any error, or any file that already exists, writes no file at all. */
async function importCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...bankOption, format: { type: 'string' }, topic: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const format = interchangeFormat(values.format);
  const topic = topicOption(values.topic);
  const [file] = positionals;
  if (!file || positionals.length !== 1) throw new UsageError('import needs exactly one input file');
  const bankDir = defaultBankDir(values.bank);
  const result = importQuestions(readFileSync(file, 'utf8'), format, { sourceName: file, ...(topic !== undefined ? { topic } : {}) });
  for (const problem of result.problems) io.err(formatInterchangeProblem(problem));
  if (hasErrors(result.problems)) {
    io.err('nothing imported');
    return 1;
  }

  const existingIds = new Set(loadBank(bankDir, { includeDrafts: true }).questions.map((question) => question.id));
  const planned = result.questions.map((question) => ({ question, files: toQuestionFiles(question), markdown: join(bankDir, question.topic, `${question.id}.md`) }));
  const clashes = planned.filter(({ question, markdown }) => existingIds.has(question.id) || existsSync(markdown) || existsSync(join(bankDir, question.topic, question.id)));
  if (clashes.length > 0) {
    for (const { question } of clashes) io.err(`${file}: error: question id "${question.id}" already exists in the bank`);
    io.err('nothing imported');
    return 1;
  }
  for (const { question, files, markdown } of planned) {
    mkdirSync(join(bankDir, question.topic), { recursive: true });
    writeFileSync(markdown, files.markdown, { flag: 'wx' });
    io.out(displayPath(markdown));
    if (files.goFile !== undefined) {
      const mainGo = join(bankDir, question.topic, question.id, 'main.go');
      mkdirSync(join(bankDir, question.topic, question.id));
      writeFileSync(mainGo, files.goFile, { flag: 'wx' });
      io.out(displayPath(mainGo));
    }
  }
  io.out(`imported ${planned.length} question${planned.length === 1 ? '' : 's'}; run \`npm run bank -- lint\` next`);
  return 0;
}

function templatesCommand(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({ args: [...args], options: { ...bankOption, seed: { type: 'string' }, templates: { type: 'string' } }, strict: true });
  // A fixed default seed so two runs print the same sets; whether a pool can be filled does not depend on it.
  const seed = Number(values.seed ?? '1');
  if (!Number.isSafeInteger(seed)) throw new UsageError('--seed must be an integer');
  const loaded = loadTemplates(values.templates ?? defaultTemplatesDir());
  const bank = loadBank(defaultBankDir(values.bank));
  if (bank.problems.length > 0) io.err(`warning: ${bank.problems.length} problem(s) in the bank files; those questions are not drawn`);
  for (const problem of loaded.problems) io.out(formatProblem(problem));
  const checks = assembleTemplates(loaded.templates, bank.questions, seed);
  for (const check of checks) formatTemplateLevelCheck(check).forEach((line) => io.out(line));
  const short = checks.filter((check) => check.short.length > 0).length;
  io.out(`${checks.length} sets (seed ${seed}): ${checks.length - short} complete, ${short} short; ${loaded.problems.length} template problem(s)`);
  return short > 0 || loaded.problems.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/**
 * The database side belongs to the API (its migrations define the tables), so this runs the API's
 * own migrate-and-load entry as a separate process instead of importing application code.
 */
function loadCommand(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({ args: [...args], options: bankOption, strict: true });
  const root = findRepoRoot();
  const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', ...(values.bank ? { BANK_DIR: defaultBankDir(values.bank) } : {}) };
  const build = spawnSync('npx', ['nx', 'build', 'api', '--output-style=stream-without-prefixes'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    io.err('error: building the API failed (npx nx build api)');
    return 1;
  }
  const run = spawnSync(process.execPath, [join(root, 'apps/api/dist/cli/migrate.js')], { cwd: root, env, stdio: 'inherit' });
  return run.status === 0 ? 0 : 1;
}
