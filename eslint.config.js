// Lint: the determinism rule. Time and randomness in the simulation path come from the kernel
// (virtual clock, named RNG streams), never from globals. Only the wall-clock adapter may touch them.
import tseslint from 'typescript-eslint';

const banned = 'is banned in the simulation path: use the kernel clock / named RNG streams (see STYLE.md §3)';

export default tseslint.config(
  { ignores: ['node_modules/**', 'bench/results/**', 'out/**', 'dist/**', 'web/dist/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['engine/**/*.ts', 'agents/**/*.ts', 'network-profiles/**/*.ts'],
    ignores: ['engine/kernel/wall-clock.ts', 'engine/server/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: `Math.random ${banned}` },
        { object: 'Date', property: 'now', message: `Date.now ${banned}` },
        { object: 'performance', property: 'now', message: `performance.now ${banned}` },
        { object: 'globalThis', property: 'setTimeout', message: `setTimeout ${banned}` },
        { object: 'globalThis', property: 'setInterval', message: `setInterval ${banned}` },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: `setTimeout ${banned}` },
        { name: 'setInterval', message: `setInterval ${banned}` },
        { name: 'setImmediate', message: `setImmediate ${banned}` },
        { name: 'performance', message: `performance ${banned}` },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() ${banned}` },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'node:perf_hooks', message: `perf_hooks ${banned}` }, { name: 'perf_hooks', message: `perf_hooks ${banned}` }, { name: 'node:timers', message: `timers ${banned}` }, { name: 'timers', message: `timers ${banned}` }] },
      ],
    },
  },
);
