// Lets a plain `node` child process require the adapter's TypeScript sources: compiled on the fly
// by @swc/core (already a dev dependency for jest), so the child runs the very code under test.
const { transformFileSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformFileSync(filename, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
