// Browser e2e: the built app (API + web) on a throwaway embedded Postgres, driven by Chromium.
// Build first: npx nx run-many -t build -p api web. Set E2E_BASE_URL to test a running app instead.
export default {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // Closes the one Chromium a spec file's tests share (src/support/chromium.ts).
  setupFilesAfterEnv: ['<rootDir>/src/support/close-browser.ts'],
  // Longest files first even without the timings of an earlier run (a fresh clone, CI).
  testSequencer: '<rootDir>/src/support/sequencer.cjs',
  testTimeout: 60_000,
  // Two browsers at once: one worker kept 1.1 of the 2 cores busy (a browser test mostly waits),
  // two take 0.60-0.73 of its wall time (docs/performance.md, "Change 4"). A third was 9-15 % faster
  // with warm caches but no faster on a fresh clone's cold ones ("Change 7"), so it is not used.
  // Every spec signs up its own users, so the workers share the app without sharing state.
  maxWorkers: 2,
};
