/**
 * Import-graph rules, checked in `npm test` (scripts/test.mjs). The layer rules (what each folder
 * may import) live in eslint.config.js; this file checks the one thing ESLint cannot: no cycles.
 * See docs/architecture.md.
 */
module.exports = {
  forbidden: [
    {
      name: 'background-reaches-no-views',
      severity: 'error',
      comment:
        'The service worker holds no view code, not even through a chain of imports: no .tsx, no views/, ui/ or page folder.',
      from: {
        path: '^src/extension/(background[.]ts|background/|[^/]+/background/)',
        pathNot: '[.]test[.]tsx?$',
      },
      to: {
        path: '[.]tsx$|^src/extension/[^/]+/views/|^src/extension/(ui|options|popup|sidepanel)/',
        reachable: true,
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules import in one direction; a cycle means two modules are one job split badly.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // `content.iife.ts?script` is a URL the build emits as its own bundle, not code in the worker.
    doNotFollow: { path: ['node_modules', '^src/extension/content[.]iife[.]ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
