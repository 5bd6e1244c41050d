/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
/* Unit tests of the benchmark tools themselves (the benchmarks run with `npm run bench`, not here). */
export default {
  displayName: 'bench-tools',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/lib/**/*.spec.ts'],
};
