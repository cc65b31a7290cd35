import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'DocumentApp',
  'DriveApp',
  'Drive',
  'Docs',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'Session',
  'Utilities',
  'ScriptApp',
  'Logger',
  'CacheService',
  'UrlFetchApp',
  'google',
].map((name) => ({ name, message: 'The pure core must not touch Apps Script services.' }));

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'out/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: ['../gas/*', '../local/*', '../entry/*', 'node:*', 'fs', 'path'] },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
