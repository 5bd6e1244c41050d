/* Unit tests of every project, in one Jest run (the e2e suites have their own configs). */
export default {
  projects: ['<rootDir>/libs/domain', '<rootDir>/libs/question-bank', '<rootDir>/libs/judge', '<rootDir>/apps/api', '<rootDir>/apps/runner', '<rootDir>/apps/web', '<rootDir>/tools/eslint', '<rootDir>/tests/bench', '<rootDir>/tests/support'],
};
