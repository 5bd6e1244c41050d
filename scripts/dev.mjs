#!/usr/bin/env node
// `npm run dev`: the API rebuilt on change and restarted (tsc --watch + node --watch), and the
// Vite dev server (http://localhost:4200) proxying /api to it. Ctrl+C stops all three.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' };
const built = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', '--output-style=stream-without-prefixes'], { stdio: 'inherit', env });
if (built.status !== 0) process.exit(built.status ?? 1);

// The tools run as direct children of this process (not through npx, which does not pass
// signals on), so stopping `npm run dev` in any way stops all three.
const require = createRequire(import.meta.url);
const binOf = (pkg, bin) => join(dirname(require.resolve(`${pkg}/package.json`)), bin);
const tscBin = binOf('typescript', 'bin/tsc');
const viteBin = binOf('vite', 'bin/vite.js');
const children = [
  spawn(process.execPath, [tscBin, '-p', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput'], { stdio: 'inherit', env }),
  spawn(process.execPath, ['--watch', 'apps/api/dist/main.js'], { stdio: 'inherit', env: { ...env, WEB_DIST_DIR: '' } }),
  spawn(process.execPath, [viteBin], { stdio: 'inherit', env, cwd: 'apps/web' }),
];
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGINT');
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', () => stop());
