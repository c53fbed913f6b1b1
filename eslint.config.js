// @ts-check
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Few rules, each one a real defect (lost promise, dead code, `any`), none about style.
export default defineConfig(
  { ignores: ['**/node_modules/', '**/dist/', '**/cdk.out/', '.local/', '.tools/', 'bench/results/'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      'no-unreachable': 'error',
    },
  },
);
