const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

/**
 * Compiles the applications once before the tests that start them as real processes (crash tests,
 * several processes on PostgreSQL). The build is incremental: a second run costs little. Types are
 * not checked here (`npm run typecheck` does that in CI), so a test run never waits on a type error elsewhere.
 */
module.exports = async function globalSetup() {
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noCheck'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
};
