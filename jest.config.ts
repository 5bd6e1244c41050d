/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
/* Unit tests of every project, in one Jest run (the e2e suites have their own configs). */
export default {
  // Two workers on the 2-core machine (Jest's default there is one: every file one after another in
  // the main process), so the Go-bound judge and bank specs overlap the JavaScript ones.
  // 159 s -> 123 s wall for the layer at load 4-6, CPU 135 -> 140 s (docs/performance.md).
  maxWorkers: 2,
  projects: ['<rootDir>/libs/domain', '<rootDir>/libs/question-bank', '<rootDir>/libs/judge', '<rootDir>/apps/api', '<rootDir>/apps/runner', '<rootDir>/apps/web', '<rootDir>/tools/eslint', '<rootDir>/tools/jest', '<rootDir>/tests/bench', '<rootDir>/tests/support'],
};
