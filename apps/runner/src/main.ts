import { openSandbox } from '@goprep/judge';
import { loadRunnerConfig, RunnerConfigError } from './config';
import { JudgeRunner } from './runner';

const log = (line: string) => process.stdout.write(`[runner] ${line}\n`);

async function main(): Promise<void> {
  let config;
  try {
    config = loadRunnerConfig();
  } catch (e) {
    if (e instanceof RunnerConfigError) {
      process.stderr.write(`[runner] ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  let sandbox;
  try {
    sandbox = await openSandbox({ dataDir: config.dataDir });
  } catch (e) {
    // Never fall back to running submissions without the sandbox.
    process.stderr.write(
      `[runner] the sandbox is unavailable, so this runner will not judge anything: ${e instanceof Error ? e.message : String(e)}\n` +
        '[runner] needs Go 1.26 and bubblewrap (apt-get install bubblewrap); see README.md, "Judge runners". Jobs stay queued until a runner starts.\n',
    );
    process.exit(2);
  }
  const runner = new JudgeRunner(config, sandbox, log);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    runner
      .stop()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        process.stderr.write(`[runner] stop failed: ${String(e)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  try {
    await runner.start();
  } catch (e) {
    process.stderr.write(`[runner] failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await runner.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
