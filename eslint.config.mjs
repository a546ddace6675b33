// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
);
