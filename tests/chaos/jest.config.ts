/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
// Slow fault-injection suite (`npm run test:chaos`): kill -9, a stopped Postgres, a skewed browser
// clock and a load run, each against the production build. Build first:
// npx nx run-many -t build -p api web (scripts/test-chaos.mjs does).
export default {
  displayName: 'chaos',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.chaos-spec.ts'],
  // Every spec starts its own server and Postgres (and some a browser): one at a time.
  maxWorkers: 1,
  testTimeout: 300_000,
};
