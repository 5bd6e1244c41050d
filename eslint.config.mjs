import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import goprep from './tools/eslint/feature-isolation.mjs';

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/coverage/**',
      '.data/**',
      // Python tools installed for the security layer (Schemathesis) and their caches.
      '.venv-ci/**',
      '.schemathesis/**',
      '.hypothesis/**',
      'tmp/**',
      'libs/question-bank/bank/**',
      'libs/api-client/src/schema.d.ts',
      'tests/web-e2e/artifacts/**',
      '**/vite.config.mts.timestamp-*',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      // Boundaries are enforced, not hoped for (see docs/development.md).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The e2e suites build the real API through its testing entry (apps/api/src/testing.ts).
          allow: ['@goprep/api/testing'],
          depConstraints: [
            { sourceTag: 'kind:domain', onlyDependOnLibsWithTags: ['kind:domain'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:runner', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              notDependOnLibsWithTags: ['kind:node'],
            },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:lib', 'type:e2e'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, goprep },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'goprep/feature-isolation': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // In tests a wrong assumption fails the test anyway; `!` keeps them readable.
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The benchmarks are tooling run by tsx, not part of the product graph: they measure the built app
    // and reach into its internals by path (a migration's backfill, the judge, the test support), as
    // they did before tests/bench became a project so that its TypeScript is checked.
    files: ['tests/bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
];
