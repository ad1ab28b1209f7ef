import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries (docs/architecture.md). `no-restricted-imports` options do not merge across
// config blocks (the last block matching a file wins), so each block lists every pattern it needs.
const NO_E2E = {
  regex: '(^|/)tests/e2e(/|$)',
  message:
    'Source and unit tests never import e2e helpers; shared test doubles live in tests/support.',
};
const NO_VIEWS = {
  regex: '(^|/)(views|ui|options|popup|sidepanel)(/|$)|\\.tsx$|^preact(/|$)|^lit(/|$)',
  message:
    'The background and the shared non-view homes import no view code: move the piece to the feature root or a shared home (docs/architecture.md).',
};
const NO_BACKGROUND = {
  regex: '(^|/)background(/|$)',
  message:
    'Views reach the background only through messaging/channel send(); shared pieces live outside background/.',
};
const DB_ONLY_CORE = {
  regex: '^\\.\\./(?!\\.\\./core/)',
  message: 'Storage (db/) imports only the core.',
};
const NO_EXTENSION = {
  regex: '(^|/)extension(/|$)',
  message: 'Widgets import nothing from the extension; shared code lives in src/core.',
};
const SERVER_ONLY_CORE = {
  regex: '^(?!\\.\\./core/|\\./)',
  message:
    'The server helper imports only the core (and its own folder): no packages, no extension code.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
/** From a core file `depth` folders below src/core, a path up `depth` levels leaves the core. */
const leavesCore = (depth) => ({
  regex: `^(\\.\\./){${depth}}`,
  message: 'The core imports nothing outside src/core.',
});
const NO_PACKAGES = {
  regex: '^[^.]',
  message:
    'The core is pure: it imports no packages (its tests may use vitest, fast-check, node:).',
};
const coreBlocks = [1, 2, 3].flatMap((depth) => {
  const files = [`src/core/${'*/'.repeat(depth - 1)}*.ts`];
  return [
    { files, rules: restrict(leavesCore(depth), NO_PACKAGES) },
    { files: files.map((f) => f.replace(/\.ts$/, '.test.ts')), rules: restrict(leavesCore(depth)) },
  ];
});
/** The background: the worker shell, each feature's background/, and the worker entry. */
const BACKGROUND = [
  'src/extension/background.ts',
  'src/extension/background/**',
  'src/extension/*/background/**',
];
/** Non-view modules both sides use: feature roots (protocol, validation) and shared homes. */
const SHARED_NON_VIEW = [
  'src/extension/manifest.ts',
  'src/extension/{responder,reviews,sites,feeds,notifications,content,backup,managed,policy}/*.ts',
  'src/extension/{messaging,origins,i18n,statuspage}/**',
];
const VIEWS = ['src/extension/{options,popup,sidepanel,ui}/**', 'src/extension/*/views/**'];

const NO_CLOCK = {
  selector: "MemberExpression[object.name='Date'][property.name='now']",
  message: 'Pass `now` in; the core never reads the clock.',
};
const NO_RAW_HTML = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Untrusted text renders as text: no raw HTML.',
  },
  {
    selector:
      'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Untrusted text renders as text: set textContent or build nodes.',
  },
  {
    selector:
      "CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|write|writeln)$/][object.name='document'], CallExpression > MemberExpression.callee[property.name='insertAdjacentHTML']",
    message: 'Untrusted text renders as text: no HTML strings.',
  },
  {
    selector:
      "TaggedTemplateExpression[tag.name='unsafeHTML'], CallExpression[callee.name='unsafeHTML']",
    message: 'Untrusted text renders as text: no unsafeHTML.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/dist/**',
      'node_modules/**',
      'coverage/**',
      'tests/fixtures/**',
      '.tmp/**',
      // third-party code, vendored with a fix (see its header)
      'team/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', NO_CLOCK],
    },
  },
  {
    files: [
      'src/extension/**',
      'src/server/**',
      'widgets/**',
      'tests/**',
      'demo/**',
      'bench/**',
      'scripts/**',
      '*.config.*',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Untrusted text renders as text: no raw HTML anywhere in the shipped code (tests may build pages).
  {
    files: ['src/**', 'widgets/src/**'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.test-kit.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_RAW_HTML] },
  },
  {
    files: ['src/core/**'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.test-kit.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_CLOCK, ...NO_RAW_HTML] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'Buffer',
          'performance',
          'AbortSignal',
          'AbortController',
          'URLSearchParams',
          'setInterval',
          'clearInterval',
          'queueMicrotask',
          'structuredClone',
          'TextEncoder',
          'TextDecoder',
          'globalThis',
        ].map((g) => [g, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
  { files: ['src/**'], rules: restrict(NO_E2E) },
  ...coreBlocks,
  { files: [...BACKGROUND, ...SHARED_NON_VIEW], rules: restrict(NO_E2E, NO_VIEWS) },
  { files: ['src/extension/db/**'], rules: restrict(NO_E2E, NO_VIEWS) },
  {
    files: ['src/extension/db/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(NO_E2E, NO_VIEWS, DB_ONLY_CORE),
  },
  { files: VIEWS, ignores: ['**/*.test.{ts,tsx}'], rules: restrict(NO_E2E, NO_BACKGROUND) },
  { files: ['widgets/**'], rules: restrict(NO_EXTENSION) },
  {
    files: ['src/server/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(NO_E2E, SERVER_ONLY_CORE),
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
);
