/** One jest configuration for the whole monorepo: unit tests beside the code, integration tests in test/. */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcOptions] },
  // dinero.js v2 ships ES modules only: let swc turn it into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(dinero\\.js)/)'],
  moduleNameMapper: {
    '^@ij/(money|rules|ledger|event-store|projections|replay|bank-files|application)$': '<rootDir>/libs/$1/src',
    // A lib's light entry (no adapters), for worker threads.
    '^@ij/projections/documents$': '<rootDir>/libs/projections/src/documents',
  },
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/global-setup.js',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
