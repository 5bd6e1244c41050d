/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
export default {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  // Each worker holds a Nest app and a database clone. Three on the 2-core machine: the suite waits on
  // Postgres, the judge and timers a good part of the time, and a third worker fills that (153-155 s
  // against 178-184 s with two, docs/performance.md, "Three API e2e workers").
  maxWorkers: 3,
  // Every file loads the whole API (about 2,500 modules, 2.3 CPU-s under Jest's default runner, which
  // gives each file a fresh module registry): jest-light-runner runs the files in worker threads with
  // Node's module cache, so each worker loads it once. Files stay isolated by what they create (their
  // own app, database and clients). TypeScript is compiled in the workers by @swc-node/register
  // (tools/jest/light-runner-setup.mjs). docs/performance.md, "API e2e files in worker threads".
  runner: '<rootDir>/../../tools/jest/light-runner.mjs',
  setupFiles: ['<rootDir>/../../tools/jest/light-runner-setup.mjs'],
};
