// ESLint flat config for the UI (ui/src). Generated bindings are not linted.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['ui/dist', 'ui/src/bindings', 'node_modules', 'src-tauri', 'target'] },
  {
    files: ['ui/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tauri-apps/api/core',
              importNames: ['invoke'],
              message: 'Only ui/src/lib/ipc.ts may call invoke: add a typed function there.',
            },
          ],
        },
      ],
    },
  },
  {
    // The IPC module itself, and its own test (which replaces invoke).
    files: ['ui/src/lib/ipc.ts', 'ui/src/lib/ipc.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
