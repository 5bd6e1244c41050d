// Browser e2e: the built app (API + web) on a throwaway embedded Postgres, driven by Chromium.
// Build first: npx nx run-many -t build -p api web. Set E2E_BASE_URL to test a running app instead.
export default {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  // One browser at a time: the machine has two cores shared with the app under test.
  maxWorkers: 1,
};
