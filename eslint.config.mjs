import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', '**/generated/**', '.data/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:wechat', 'scope:shared'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'], bannedExternalImports: ['@prisma/*', 'express', 'mariadb'] },
            { sourceTag: 'scope:wechat', onlyDependOnLibsWithTags: ['scope:wechat', 'scope:shared'], bannedExternalImports: ['express', '@prisma/*', 'mariadb', '@angular/*'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:wechat', 'scope:shared'] },
            // Set-up scripts and benchmarks drive the data layer directly, as an operator would.
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:api', 'scope:wechat', 'scope:shared'] },
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:api', 'scope:wechat', 'scope:shared'] },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:types'] },
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:types'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:ui', 'type:util', 'type:types'] },
            // End-to-end tests make their own database with the data layer's test helpers.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:types'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:types'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:types'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:types'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:util', 'type:types'], bannedExternalImports: ['express', '@prisma/*', 'mariadb', '@angular/*'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:types'] },
            { sourceTag: 'type:types', onlyDependOnLibsWithTags: ['type:types'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
