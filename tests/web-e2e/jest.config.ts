/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
// Browser e2e: the built app (API + web) on a throwaway embedded Postgres, driven by Chromium.
// Build first: npx nx run-many -t build -p api web. Set E2E_BASE_URL to test a running app instead.
export default {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // Files in worker threads sharing Node's module cache (Playwright and the page objects load once per
  // worker), as tests/api-e2e runs (tools/jest/light-runner-setup.mjs).
  runner: '<rootDir>/../../tools/jest/light-runner.mjs',
  setupFiles: ['<rootDir>/../../tools/jest/light-runner-setup.mjs'],
  // Closes the one Chromium a spec file's tests share (src/support/chromium.ts); the light runner's
  // setup runs its afterAll after every file, as Jest's runner does.
  setupFilesAfterEnv: ['<rootDir>/src/support/close-browser.ts'],
  // Longest files first even without the timings of an earlier run (a fresh clone, CI).
  testSequencer: '<rootDir>/src/support/sequencer.cjs',
  testTimeout: 60_000,
  // Three browsers at once. One worker kept 1.1 of the 2 cores busy (a browser test mostly waits); two
  // took 0.60-0.73 of its wall time ("Change 4" in docs/performance.md). A third gained nothing on a
  // fresh clone while each test drove the full Chromium ("Change 7"); with the headless shell, which
  // costs about a third less CPU, it takes 217-223 s against 269-278 s with two, cold caches ("Change 8").
  // Every spec signs up its own users, so the workers share the app without sharing state.
  maxWorkers: 3,
};
