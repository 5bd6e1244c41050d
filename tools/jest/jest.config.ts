/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
/* The jest-light-runner setup of tests/api-e2e (tools/jest), tested by running fixture suites through it. */
export default {
  displayName: 'jest-tools',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/*.spec.ts'],
};
