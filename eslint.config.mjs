import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Boundaries on two axes: `scope:` says who may use a project, `type:` what layer it is.
const typeRules = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:api', 'type:data', 'type:domain', 'type:util', 'type:sdk', 'type:testing'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:api', 'type:data', 'type:domain', 'type:util', 'type:sdk', 'type:testing'] },
  { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:util', 'type:testing'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:util', 'type:testing'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:domain', 'runtime:browser'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  // Test helpers may reach the store; only tests use them.
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:util'] },
];
const scopeRules = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
  { sourceTag: 'scope:collector', onlyDependOnLibsWithTags: ['scope:collector', 'scope:shared'] },
  { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:worker', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:collector', 'scope:worker'] },
  // Browser-safe code may only use browser-safe code.
  { sourceTag: 'runtime:browser', onlyDependOnLibsWithTags: ['runtime:browser'] },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**', '**/generated/**', '**/next-env.d.ts', '**/*.cjs', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: [...typeRules, ...scopeRules] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Env is read only in each app's env.ts / the config lib, validated there.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through the validated env (libs/config or the app env.ts).' }],
    },
  },
  {
    files: ['**/env.ts', 'libs/config/src/**', 'tools/**', '**/*.test.ts', '**/*.test.tsx', '**/test/**', 'libs/testing/**', 'apps/*-e2e/**', '**/*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
