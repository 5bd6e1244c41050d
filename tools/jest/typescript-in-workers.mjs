// setupFiles entry for suites run by jest-light-runner (tests/api-e2e): imported once by each worker
// thread before its first test file. Jest's default runner compiles TypeScript with the preset's
// @swc/jest transform inside its per-file module registry; jest-light-runner uses Node's own
// loaders, so the worker gets the same compilation here: @swc-node/register (CommonJS with decorator
// metadata and the tsconfig's paths; SWC_NODE_PROJECT, default <suite>/tsconfig.json), and a module
// hook that hands the .ts test files jest-light-runner import()s to the CommonJS loader.
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';

const rootDir = workerData?.[1]?.projectConfig?.rootDir ?? process.cwd();
process.env.SWC_NODE_PROJECT ??= join(rootDir, 'tsconfig.json');
createRequire(import.meta.url)('@swc-node/register');
register('./ts-as-commonjs.mjs', import.meta.url);
