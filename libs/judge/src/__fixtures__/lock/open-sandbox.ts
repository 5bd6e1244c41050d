// A process for data-lock.spec: opens the sandbox on argv[2] and says whether it could.
import { openSandbox } from '../../sandbox';

openSandbox({ dataDir: process.argv[2] ?? '.data/judge' }).then(
  async (sandbox) => {
    process.stdout.write('opened\n');
    await sandbox.close();
  },
  (error: unknown) => {
    process.stdout.write(`refused: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
