// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Dependency direction (docs/architecture.md §6): each lib may import only the libs below it, and no lib
 * imports an app. A lib is reached by its alias (`@ij/rules`) or, by mistake, by a relative path into its
 * folder (`../../rules/src/...`): both are refused. test/workspace/dependency-direction.spec.ts proves that
 * breaking an arrow fails lint.
 */
const LIBS = ['money', 'rules', 'ledger', 'event-store', 'projections', 'replay', 'bank-files', 'application'];
const APPS = ['ledger-api', 'ledger-cli'];

/** The `no-restricted-imports` patterns that keep `owner` from importing any of `forbidden` (libs or apps). */
function forbid(owner, forbidden) {
  const libs = forbidden.filter((name) => LIBS.includes(name));
  const apps = forbidden.filter((name) => APPS.includes(name));
  const patterns = [];
  if (libs.length > 0) {
    patterns.push({
      group: libs.flatMap((name) => [`@ij/${name}`, `@ij/${name}/**`, `**/libs/${name}/**`, `**/${name}/src`, `**/${name}/src/**`]),
      message: `${owner} must not depend on this lib: dependencies point one way (docs/architecture.md §6).`,
    });
  }
  if (apps.length > 0) {
    patterns.push({
      group: apps.flatMap((name) => [`**/apps/${name}/**`, `**/${name}/src`, `**/${name}/src/**`]),
      message: `${owner} must not import this app: apps depend on libs, never the reverse (docs/architecture.md §6).`,
    });
  }
  return ['error', { patterns }];
}

/** What each part may not import; everything not listed is allowed. */
const FORBIDDEN_IMPORTS = {
  'libs/money': ['rules', 'ledger', 'event-store', 'projections', 'replay', 'bank-files', 'application', ...APPS],
  'libs/rules': ['ledger', 'event-store', 'projections', 'replay', 'bank-files', 'application', ...APPS],
  'libs/ledger': ['event-store', 'projections', 'replay', 'bank-files', 'application', ...APPS],
  'libs/event-store': ['money', 'rules', 'ledger', 'projections', 'replay', 'bank-files', 'application', ...APPS],
  // ISO 20022 bank files: amounts through money, nothing of the domain or storage.
  'libs/bank-files': ['rules', 'ledger', 'event-store', 'projections', 'replay', 'application', ...APPS],
  'libs/projections': ['replay', 'application', ...APPS],
  'libs/replay': ['application', ...APPS],
  // The application layer (configuration, storage wiring, command runner, payment runs, replays, reports)
  // serves both apps and knows neither, nor HTTP.
  'libs/application': [...APPS],
  'apps/ledger-api': ['ledger-cli'],
  'apps/ledger-cli': ['ledger-api'],
};

const dependencyDirection = Object.entries(FORBIDDEN_IMPORTS).map(([folder, forbidden]) => ({
  files: [`${folder}/**/*.ts`],
  rules: { 'no-restricted-imports': forbid(folder, forbidden) },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/peers/**', 'coverage/**', 'data/**', 'apps/ledger-api/console/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Amounts are computed in libs/money only: everywhere else, rounding a number is a bug waiting to pay
    // someone a cent too much or too little.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['libs/money/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'round', message: 'Round amounts only through @ij/money (roundHalfUp / truncate).' },
        { object: 'Math', property: 'ceil', message: 'Round amounts only through @ij/money.' },
        { object: 'Number', property: 'parseFloat', message: 'No binary floating point on amounts.' },
      ],
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'No binary floating point on amounts.' }],
    },
  },
  ...dependencyDirection,
);
