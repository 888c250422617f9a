// One gate: typecheck + lint + tests. Lint keeps browser code free of Node; test/architecture.test.ts keeps the layers pointing one way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'buffer', 'zlib', 'crypto', 'url', 'module'];
const pattern = (group, message) => ({ group, message });
const browser = (message, ...above) => ({
  'no-restricted-imports': ['error', { patterns: [pattern(nodeOnly, message), ...above] }],
  'no-restricted-globals': ['error', 'Buffer', 'process', 'require'],
});

/** Files of src/io that read formats without Node (plan text, .docx, JSON, ledgers): the browser entry exports them. */
const browserIo = ['src/io/decode.ts', 'src/io/docx.ts', 'src/io/json.ts', 'src/io/plan-source.ts', 'src/io/ledger.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  { files: ['bin/**/*.js', 'eslint.config.js', 'webpack.config.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  // The pane's ES5 guard for web views too old for its script.
  { files: ['src/addin/compat.js'], languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { document: 'readonly', window: 'readonly', setTimeout: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' },
        // `import { z }` keeps every zod locale in a browser bundle (about 260 KB); the namespace import lets bundlers tree-shake.
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier", message: "import * as z from 'zod' (tree-shakes zod's locales)." },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: browser('src/core runs in the browser: no Node API.', pattern(['exceljs', 'papaparse', 'fflate'], 'src/core is the pure domain: no file formats.')),
  },
  { files: ['src/sheets/**/*.ts', 'src/report/**/*.ts'], rules: browser('src/sheets and src/report run in the browser: no Node API.') },
  { files: browserIo, rules: browser('This part of src/io is exported by the browser entry: no Node API.') },
  {
    // The task pane builds its page from text nodes only: no markup from strings, so no user text can become markup.
    files: ['src/addin/**/*.ts'],
    rules: {
      ...browser('src/addin runs in Excel’s web view: no Node API.'),
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'write', 'writeln'].map((property) => ({ property, message: 'Build elements with h() and text; never markup from strings.' })),
      ],
    },
  },
);
