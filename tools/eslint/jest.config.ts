/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
/* The repository's own ESLint rules (tools/eslint), tested with ESLint's RuleTester. */
const preset = require('../../jest.preset.js');

export default {
  displayName: 'eslint-rules',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/*.spec.ts'],
  // The rules are plain ESM (.mjs) so that eslint.config.mjs can load them; compile them like the specs.
  transform: { '^.+\\.(t|j)sx?$|^.+\\.mjs$': preset.transform['^.+\\.(t|j)sx?$'] },
};
