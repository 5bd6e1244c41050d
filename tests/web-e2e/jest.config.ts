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
  testTimeout: 60_000,
  // Three browsers at once on the 2-core machine: a browser test mostly waits (one worker kept 1.1
  // cores busy), and a third worker fills what two leave idle: 271-324 s against 311-353 s with two,
  // three pairs (docs/performance.md, "Change 7"). Every spec signs up its own users, so the workers
  // share the app without sharing state.
  maxWorkers: 3,
};
