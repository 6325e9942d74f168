// Layering (see ../shared/STYLE.md): shared/ is pure, renderer/ never reaches into electron/,
// and the Node engine never imports Electron so the CLI, web mode and tests run it in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'url', 'worker_threads', 'stream', 'zlib'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'build-out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' },
          { group: ['jsdom', 'react', 'react-dom', 'better-sqlite3', 'pdfkit', 'docx', 'fontkit'], message: 'shared/ holds pure logic only.' },
        ],
      }],
      'no-restricted-globals': ['error', 'document', 'window', 'process', 'Buffer', 'require'],
    },
  },
  {
    // Lexical node classes: their createDOM/exportDOM/importDOM run only inside an editor
    // (the browser, or @lexical/headless with a jsdom window), never at import time.
    files: ['shared/lexical/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'process', 'Buffer', 'require'] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron'], message: 'The renderer talks to the engine only through shared/api.' },
          { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The engine runs in plain Node: no Electron imports.' },
          { group: ['**/renderer/**'], message: 'The engine must not import the renderer.' },
        ],
      }],
    },
  },
);
