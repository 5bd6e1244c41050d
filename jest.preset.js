// Shared Jest settings: SWC transform with decorator metadata (NestJS DI needs it) and the
// workspace libraries mapped to their sources, so tests never need a prior build.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@goprep/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@goprep/question-bank$': path.join(root, 'libs/question-bank/src/index.ts'),
    '^@goprep/judge$': path.join(root, 'libs/judge/src/index.ts'),
    '^@goprep/api-client$': path.join(root, 'libs/api-client/src/index.ts'),
    '^@goprep/api/testing$': path.join(root, 'apps/api/src/testing.ts'),
    '^@goprep/test-support$': path.join(root, 'tests/support/index.ts'),
  },
};
