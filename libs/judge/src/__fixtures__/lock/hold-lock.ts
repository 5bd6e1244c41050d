// A second process for data-lock.spec: takes the lock on argv[2], says "got", holds it until a
// line arrives on stdin (or forever, for the kill -9 case).
import { withDataDirLock } from '../../data-lock';

void withDataDirLock(process.argv[2] ?? '.data/judge', 'test', async () => {
  process.stdout.write('got\n');
  await new Promise<void>((release) => process.stdin.once('data', () => release()));
}).then(() => process.exit(0));
