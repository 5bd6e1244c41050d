import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { judgeSubmission, openSandbox, SandboxUnavailable, type JudgeResult } from '@goprep/judge';
import { GoToolchainError } from './go/toolchain';
import { judgeDataDir, toJudgeTask } from './judge/task-spec';
import { warmForTasks } from './judge/verify-task';
import type { BankQuestion } from './model';
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
import { exportLocalized, importTranslations } from './translations/interchange';
import { defaultTranslationsDir, loadTranslations, localeCounts } from './translations/load-translations';
import { isTranslationLocale, TRANSLATION_LOCALES, type TranslationLocale } from './translations/model';
import { stampTranslations } from './translations/stamp';
import { translationFileText } from './translations/write-translation';

const USAGE = `usage: npm run bank -- <command> [options]

commands:
  lint [--allow-stale]                   check every file of the bank (and its translations) against
                                         docs/question-format.md; stale translations fail unless --allow-stale
  verify [--topic t] [--id q] [--concurrency n] [--drafts] [--repeat n]
                                         prove every verify check with the Go toolchain, and every
                                         code task (solution passes n times, starter fails) in the judge's sandbox;
                                         --repeat n also runs each question's checks n times (timing audit)
  stats [--json] [--drafts]              counts per topic, type and difficulty
  new --topic t --type <type> [--id id]  scaffold a question (and main.go for code types)
  schema [--out file]                    write question.schema.json
  export --format json|gift|moodle-xml [--topic t] [--locale zh-CN]
  import --format gift|moodle-xml|json <file> [--topic t] [--strict] [--locale zh-CN]
                                         import what is expressible and report what was adapted,
                                         skipped or refused; --strict: all questions as written, or none;
                                         with --locale: translations onto existing ids, written under translations/
  translations stamp [--locale zh-CN] [--force]
                                         write source_hash (the English contentHash) into translations lacking
                                         one; --force also refreshes stale ones
  templates [--seed n] [--templates dir]
                                         draw every role template x level; report pools the bank cannot fill
  starter <id> --out <dir>               write a code task's starter files
  judge <id> [--submission <file-or-dir>] [--mode hidden|visible] [--json]
                                         judge a submission (default: the reference solution and
                                         the starter) in the judge's sandbox, as the server does
  judge-warm [--force]                   pre-warm the judge's build cache for every code task
  load                                   upsert the bank into Postgres (DATABASE_URL, or the embedded one
                                         under .data/, also while the app runs): migrations first

every command accepts --bank <dir> (default: libs/question-bank/bank) and --translations <dir>
(default: translations/ beside the bank)`;

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
      case 'translations':
        return translationsCommand(rest, io);
      case 'starter':
        return starterCommand(rest, io);
      case 'judge':
        return await judgeCommand(rest, io);
      case 'judge-warm':
        return await judgeWarmCommand(rest, io);
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
    if (error instanceof GoToolchainError || error instanceof SandboxUnavailable) {
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

const bankOption = { bank: { type: 'string' }, translations: { type: 'string' } } as const;

const translationsDirOf = (values: { bank?: string | undefined; translations?: string | undefined }): string =>
  values.translations !== undefined ? defaultBankDir(values.translations) : defaultTranslationsDir(defaultBankDir(values.bank));

function localeOption(value: string | undefined): TranslationLocale | undefined {
  if (value === undefined || value === 'en') return undefined;
  if (!isTranslationLocale(value)) throw new UsageError(`--locale must be en or one of ${TRANSLATION_LOCALES.join(', ')}`);
  return value;
}

async function lintCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({ args: [...args], options: { ...bankOption, 'allow-stale': { type: 'boolean' } }, strict: true });
  const result = await lintBank(defaultBankDir(values.bank), { translationsDir: translationsDirOf(values), allowStale: values['allow-stale'] === true });
  for (const problem of result.problems) io.out(formatProblem(problem));
  for (const problem of result.stale) io.out(`${formatProblem(problem)} (allowed by --allow-stale)`);
  io.out(
    `${result.files} files, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}` +
      (result.stale.length > 0 ? `, ${result.stale.length} stale translation${result.stale.length === 1 ? '' : 's'} allowed` : ''),
  );
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
    options: { ...bankOption, topic: { type: 'string' }, id: { type: 'string' }, concurrency: { type: 'string' }, drafts: { type: 'boolean' }, repeat: { type: 'string' } },
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
    onWarm: (done, total) => io.out(`warming the judge's build cache: ${done}/${total}`),
    ...(values.repeat !== undefined ? { repeat: Number(values.repeat) } : {}),
    onPhaseStart: (name) => io.out(`phase ${name}: started`),
    onPhase: (phase) => io.out(`phase ${phase.name}: ${(phase.durationMs / 1000).toFixed(1)} s${phase.detail ? ` (${phase.detail})` : ''}`),
  });
  if (report.problems.length > 0) {
    io.err(`warning: ${report.problems.length} problem(s) in the bank files; those questions were not verified (run \`npm run bank -- lint\`)`);
  }
  if (values.id !== undefined && report.results.length === 0) io.err(`warning: no verifiable question with id "${values.id}"`);
  // Repeated at the end so a log that keeps only its tail (a CI page) names what failed and why.
  const failures = report.results.filter((result) => !result.passed);
  if (failures.length > 0) {
    io.out(`failed:`);
    failures.forEach((result) => describe(result).forEach((line) => io.out(`  ${line}`)));
  }
  io.out(`${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 ? 1 : 0;
}

function statsCommand(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({ args: [...args], options: { ...bankOption, json: { type: 'boolean' }, drafts: { type: 'boolean' } }, strict: true });
  const bank = loadBank(defaultBankDir(values.bank), values.drafts ? { includeDrafts: true } : {});
  const translations = loadTranslations(translationsDirOf(values), bank.questions);
  const stats = { ...bankStats(bank), ...localeCounts(bank.questions, translations.translations) };
  if (values.json) {
    io.out(JSON.stringify(stats));
  } else {
    io.out(`${stats.questions} questions (${stats.codeQuestions} with code, ${stats.verifiable} verifiable)`);
    for (const [label, counts] of [['topic', stats.byTopic], ['type', stats.byType], ['difficulty', stats.byDifficulty], ['locale', stats.locales], ['stale locale', stats.stale]] as const) {
      io.out(`by ${label}: ${Object.entries(counts).map(([key, count]) => `${key} ${count}`).join(', ')}`);
    }
  }
  const broken = translations.problems.filter((problem) => problem.kind === 'error').length;
  if (broken > 0) io.err(`warning: ${broken} problem(s) in the translation files; those translations are not counted`);
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

/** `file:line: warning (adapted): message`: the effect tells refused, skipped and adapted questions apart from to-dos. */
const formatInterchangeProblem = (problem: InterchangeProblem): string =>
  `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}: ${problem.severity}${problem.effect !== undefined ? ` (${problem.effect})` : ''}: ${problem.message}`;

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
  const { values } = parseArgs({
    args: [...args],
    options: { ...bankOption, format: { type: 'string' }, topic: { type: 'string' }, locale: { type: 'string' } },
    strict: true,
  });
  const format = interchangeFormat(values.format);
  const topic = topicOption(values.topic);
  const locale = localeOption(values.locale);
  const bank = loadBank(defaultBankDir(values.bank), topic !== undefined ? { topic } : {});
  if (bank.problems.length > 0) io.err(`warning: ${bank.problems.length} problem(s) in the bank files; those questions are not exported`);
  const result =
    locale === undefined
      ? exportQuestions(bank.questions, format)
      : exportLocalized(bank.questions, loadTranslations(translationsDirOf(values), bank.questions, { locale }).translations, locale, format);
  // Problems go to stderr so `> file` captures only the export.
  for (const problem of result.problems) io.err(formatInterchangeProblem(problem));
  io.out(result.text.replace(/\n$/, ''));
  return hasErrors(result.problems) ? 1 : 0;
}

/**
 * Imports every question that could be read (a refused, skipped or adapted question is reported
 * with its line), unless --strict, which imports nothing then. A file-level error, or any question
 * whose file already exists, writes no file at all.
 */
async function importCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...bankOption, format: { type: 'string' }, topic: { type: 'string' }, strict: { type: 'boolean' }, locale: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const format = interchangeFormat(values.format);
  const topic = topicOption(values.topic);
  const locale = localeOption(values.locale);
  const [file] = positionals;
  if (!file || positionals.length !== 1) throw new UsageError('import needs exactly one input file');
  const bankDir = defaultBankDir(values.bank);
  if (locale !== undefined) return importTranslationsCommand(readFileSync(file, 'utf8'), { format, locale, file, bankDir, translationsDir: translationsDirOf(values), ...(topic !== undefined ? { topic } : {}) }, io);
  const result = importQuestions(readFileSync(file, 'utf8'), format, {
    sourceName: file,
    ...(topic !== undefined ? { topic } : {}),
    ...(values.strict ? { strict: true } : {}),
  });
  for (const problem of result.problems) io.err(formatInterchangeProblem(problem));
  const { refused, skipped, adapted, rejectedWhole } = result.report;
  const tally = `${refused} refused, ${skipped} skipped, ${adapted} adapted`;
  if (rejectedWhole !== undefined) {
    io.err(rejectedWhole === 'strict' ? `nothing imported (--strict: ${tally})` : 'nothing imported');
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
    for (const [relative, content] of Object.entries(files.taskFiles ?? {})) {
      const path = join(bankDir, question.topic, question.id, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content, { flag: 'wx' });
      io.out(displayPath(path));
    }
  }
  io.out(`imported ${planned.length} question${planned.length === 1 ? '' : 's'}; run \`npm run bank -- lint\` next`);
  if (refused + skipped + adapted > 0) io.err(`import report: ${tally} (see the lines above)`);
  // Refused questions were errors in the input: the rest is imported, but the run is not clean.
  return refused > 0 ? 1 : 0;
}

/** Translations onto existing ids; all or nothing, and never over an existing translation file. */
function importTranslationsCommand(
  text: string,
  opts: { format: InterchangeFormat; locale: TranslationLocale; file: string; bankDir: string; translationsDir: string; topic?: TopicId },
  io: Io,
): ExitCode {
  const english = loadBank(opts.bankDir, { includeDrafts: true }).questions;
  const result = importTranslations(text, opts.format, opts.locale, english, { sourceName: opts.file, ...(opts.topic !== undefined ? { topic: opts.topic } : {}) });
  for (const problem of result.problems) io.err(formatInterchangeProblem(problem));
  if (hasErrors(result.problems)) {
    io.err('nothing imported');
    return 1;
  }
  const planned = result.translations.map((translation) => ({ translation, path: join(opts.translationsDir, translation.locale, translation.topic, `${translation.id}.md`) }));
  const clashes = planned.filter(({ path }) => existsSync(path));
  if (clashes.length > 0) {
    for (const { path } of clashes) io.err(`${opts.file}: error: ${displayPath(path)} already exists`);
    io.err('nothing imported');
    return 1;
  }
  for (const { translation, path } of planned) {
    mkdirSync(join(opts.translationsDir, translation.locale, translation.topic), { recursive: true });
    writeFileSync(path, translationFileText(translation), { flag: 'wx' });
    io.out(displayPath(path));
  }
  io.out(`imported ${planned.length} ${opts.locale} translation${planned.length === 1 ? '' : 's'}; review them, then run \`npm run bank -- translations stamp\` and \`npm run bank -- lint\``);
  return 0;
}

function translationsCommand(args: readonly string[], io: Io): ExitCode {
  const [sub, ...rest] = args;
  if (sub !== 'stamp') throw new UsageError(`unknown translations command "${sub ?? ''}" (known: stamp)`);
  const { values } = parseArgs({ args: [...rest], options: { ...bankOption, locale: { type: 'string' }, force: { type: 'boolean' } }, strict: true });
  const locale = localeOption(values.locale);
  const english = loadBank(defaultBankDir(values.bank), { includeDrafts: true }).questions;
  const loaded = loadTranslations(translationsDirOf(values), english, locale !== undefined ? { locale } : {});
  const results = stampTranslations(loaded, { force: values.force === true });
  for (const result of results) {
    if (result.action === 'stamped' || result.action === 'refreshed') io.out(`${result.action} ${result.file}`);
    if (result.action === 'skipped') io.err(`skipped ${result.file}: ${result.reason ?? ''}`);
  }
  const count = (action: string): number => results.filter((result) => result.action === action).length;
  io.out(`${count('stamped')} stamped, ${count('refreshed')} refreshed, ${count('unchanged')} unchanged, ${count('skipped')} skipped`);
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

function codeTask(bankDir: string, id: string | undefined): BankQuestion {
  if (id === undefined) throw new UsageError('give the id of a code task');
  const bank = loadBank(bankDir, { includeDrafts: true, id });
  const question = bank.questions[0];
  if (question === undefined) {
    const problem = bank.problems.find((p) => p.file.includes(id));
    throw new Error(problem ? `${id} does not load: ${formatProblem(problem)}` : `no question with id "${id}"`);
  }
  if (question.type !== 'code-task' || question.task === undefined) throw new UsageError(`${id} is a ${question.type} question, not a code task`);
  return question;
}

function starterCommand(args: readonly string[], io: Io): ExitCode {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...bankOption, out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (values.out === undefined) throw new UsageError('--out <dir> is required');
  const question = codeTask(defaultBankDir(values.bank), positionals[0]);
  mkdirSync(values.out, { recursive: true });
  for (const [name, source] of Object.entries(question.task?.starter ?? {})) {
    const path = join(values.out, name);
    writeFileSync(path, source);
    io.out(path);
  }
  return 0;
}

/** A submission from a .go file (its base name must be one of the task's files) or a folder of them. */
function readSubmission(path: string): Record<string, string> {
  if (!existsSync(path)) throw new UsageError(`--submission ${path} does not exist`);
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path).filter((name) => name.endsWith('.go'));
    return Object.fromEntries(names.map((name) => [name, readFileSync(join(path, name), 'utf8')]));
  }
  return { [basename(path)]: readFileSync(path, 'utf8') };
}

/** The issue's JSON shape: verdict, score, per-test name and passed, message. */
const judgeJson = (result: JudgeResult): string =>
  JSON.stringify({ verdict: result.verdict, score: result.score, tests: result.tests.map((test) => ({ name: test.name, passed: test.passed })), message: result.message });

function describeJudge(label: string, result: JudgeResult): string[] {
  const lines = [`${label}: ${result.verdict}, score ${result.score.toFixed(2)} (${(result.durationMs / 1000).toFixed(1)} s)`, `  ${result.message}`];
  for (const test of result.tests) lines.push(`  ${test.passed ? 'ok  ' : 'FAIL'} ${test.name}`);
  for (const [title, text] of [['compile output', result.compileOutput], ['race report', result.raceReport], ['leak report', result.leakReport]] as const) {
    if (text) lines.push(`  ${title}:`, ...text.split('\n').slice(0, 40).map((line) => `    ${line}`));
  }
  return lines;
}

async function judgeCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...bankOption, submission: { type: 'string' }, mode: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const mode = values.mode ?? 'hidden';
  if (mode !== 'hidden' && mode !== 'visible') throw new UsageError('--mode must be hidden or visible');
  const question = codeTask(defaultBankDir(values.bank), positionals[0]);
  const task = question.task;
  if (task === undefined) return 1;
  const subjects: [string, Record<string, string>][] =
    values.submission !== undefined ? [['submission', readSubmission(values.submission)]] : [['solution', task.solution], ['starter', task.starter]];
  const sandbox = await openSandbox({ dataDir: judgeDataDir() });
  let internal = false;
  try {
    for (const [label, files] of subjects) {
      const result = await judgeSubmission(toJudgeTask(question), files, mode, sandbox);
      internal ||= result.verdict === 'internal-error';
      if (values.json) io.out(judgeJson(result));
      else describeJudge(label, result).forEach((line) => io.out(line));
    }
  } finally {
    await sandbox.close();
  }
  return internal ? 1 : 0;
}

async function judgeWarmCommand(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({ args: [...args], options: { ...bankOption, force: { type: 'boolean' } }, strict: true });
  const bank = loadBank(defaultBankDir(values.bank), { includeDrafts: true });
  const tasks = bank.questions.filter((question) => question.type === 'code-task' && question.task !== undefined);
  const sandbox = await openSandbox({ dataDir: judgeDataDir() });
  try {
    const started = Date.now();
    const warmed = await warmForTasks(tasks, sandbox, (done, total) => io.out(`warming the judge's build cache: ${done}/${total} (${Math.round((Date.now() - started) / 1000)} s)`), values.force === true);
    io.out(warmed ? `warm: ${tasks.length} task(s) in ${Math.round((Date.now() - started) / 1000)} s` : `already warm for ${tasks.length} task(s) (--force to rebuild)`);
  } finally {
    await sandbox.close();
  }
  return 0;
}
