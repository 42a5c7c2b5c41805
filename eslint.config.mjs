import nx from '@nx/eslint-plugin';

// Module boundaries: see docs/architecture.md. Each project carries one scope tag.
const depConstraints = [
  { sourceTag: 'scope:models', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:options-schema', onlyDependOnLibsWithTags: ['scope:models'] },
  { sourceTag: 'scope:connectors', onlyDependOnLibsWithTags: ['scope:models', 'scope:options-schema', 'scope:testing-peers'] },
  { sourceTag: 'scope:testing-peers', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'scope:server',
    onlyDependOnLibsWithTags: ['scope:models', 'scope:options-schema', 'scope:connectors'],
  },
  { sourceTag: 'scope:trpc', onlyDependOnLibsWithTags: ['scope:server', 'scope:models'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:server', 'scope:trpc', 'scope:models', 'scope:testing'] },
  { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:server', 'scope:models', 'scope:testing'] },
  { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:trpc', 'scope:models'] },
  {
    sourceTag: 'scope:testing',
    onlyDependOnLibsWithTags: ['scope:models', 'scope:options-schema', 'scope:connectors', 'scope:server', 'scope:trpc', 'scope:testing-peers'],
  },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vitest.config.*.timestamp*', '**/.next', '**/next-env.d.ts'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
  {
    // The testing lib is for tests only: production code may not import it.
    files: ['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/__tests__/**', 'libs/testing/**', 'libs/testing-peers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [
          { name: '@ledgerlink/testing', message: 'libs/testing is for tests only.' },
          { name: '@ledgerlink/testing-peers', message: 'libs/testing-peers is for tests only.' },
        ] },
      ],
    },
  },
];
