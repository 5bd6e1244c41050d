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
  // openid-client and its two dependencies are ESM-only: transform them to CommonJS like our code.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
};
