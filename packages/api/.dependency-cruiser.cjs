/**
 * The layering of packages/api/src (docs/architecture.md), checked by test/architecture/dependencies.test.ts
 * on every `npm test`:
 *   core/        the kernel: imports no domain module and not app/;
 *   <module>/    domain modules: import core/ and modules below them, never one above (no folder cycles);
 *   app/         schema assembly, context, HTTP, CLIs: imported by nothing but main.ts (and tests).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      comment: 'Two files that import each other (directly or through others) cannot be understood, tested or moved apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'A module imports the kernel and modules below it, never one above: folders of src never import each other in a circle.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-module',
      comment: 'The kernel (src/core) is below every domain module and the app layer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'nothing-imports-app',
      comment: 'The app layer (schema assembly, context, HTTP, CLIs) sits on top: only the entry point src/main.ts imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$'] },
      to: { path: '^src/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Count type-only imports too (they are erased at compile time but couple the modules all the same).
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
  },
};
